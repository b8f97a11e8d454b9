// Places a one-unit buy order; see lib/orderbook/place-order.ts. HEAD never writes.
import { headOfOrderRoute, placeOrderHandler } from '@/lib/orderbook/place-order';

export const dynamic = 'force-dynamic';

export const GET = placeOrderHandler('buy');
export const POST = GET;
export const HEAD = headOfOrderRoute;
