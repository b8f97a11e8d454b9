export const BUILD_INPUTS: { dirs: string[]; files: string[] };
export function gitHead(root: string): string | undefined;
export function staleBuildReason(root: string, head?: string): string | undefined;
export function stampBuild(root: string, head?: string): void;
export function ensureFreshBuild(options: { root: string; build: () => void; log?: (line: string) => void; head?: string }): Promise<string | undefined>;
