// Places a one-unit buy order; see lib/orderbook/place-order.ts.
import { placeOrderHandler } from '@/lib/orderbook/place-order';

export const dynamic = 'force-dynamic';

export const GET = placeOrderHandler('buy');
export const POST = GET;
