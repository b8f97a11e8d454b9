import 'server-only';
import type { DomainEvent } from '../../eventstore';
import type { StoreDefinition } from '../../eventstore/define-store';
import { readyStore } from '../../eventstore/open-store';
import type { HistorySource } from './types';

/** A store's history source: everything comes from its definition (the view of a past state is the UI's, lib/ui/history). */
export function historySource<S, E extends DomainEvent>(definition: StoreDefinition<S, E>, exports?: HistorySource['exports']): HistorySource<S, E> {
  return {
    exports,
    definition,
    name: definition.name,
    label: definition.label,
    title: definition.title,
    eventTypes: definition.eventTypes,
    open: () => readyStore(definition),
    describe: (event, before, after, now) => definition.describe(event, before, after, now),
    undoable: definition.undoable && ((event, now) => definition.undoable!(event, now)),
  };
}
