// Places a one-unit sell order; see lib/orderbook/place-order.ts.
import { placeOrderHandler } from '@/lib/orderbook/place-order';

export const dynamic = 'force-dynamic';

export const GET = placeOrderHandler('sell');
export const POST = GET;
