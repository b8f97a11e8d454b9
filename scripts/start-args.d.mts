export declare const NODE_FLAGS: string[];
export declare const START_ARGS: string[];
