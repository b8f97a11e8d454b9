import 'server-only';
// The budgets of IndieAuth's public endpoints: per client (the edge's key) and for everyone.
import { singleton } from '../eventstore/registry';
import { minuteBudget } from '../indieweb/budget';

/** Token requests (code exchanges, revocations): a client signs in a few times a day. */
export const tokenBudget = () => singleton('indieauth:token-budget', () => minuteBudget({ perClient: 20, all: 200 }));

/** client_id pages fetched for the consent page. */
export const clientFetchBudget = () => singleton('indieauth:client-fetch-budget', () => minuteBudget({ perClient: 10, all: 60 }));

/** Authorization requests (the public redirect to the consent page, and profile redemptions). */
export const authorizationBudget = () => singleton('indieauth:authorization-budget', () => minuteBudget({ perClient: 30, all: 300 }));
