// Places a one-unit sell order; see lib/orderbook/place-order.ts. HEAD never writes.
import { headOfOrderRoute, placeOrderHandler } from '@/lib/orderbook/place-order';

export const dynamic = 'force-dynamic';

export const GET = placeOrderHandler('sell');
export const POST = GET;
export const HEAD = headOfOrderRoute;
