/** Types of fresh.mjs, which the launchers run as plain JavaScript. */
export declare const root: string;
export declare function bundleIsFresh(bundle: string): boolean;
export declare function serverCommand(): string[];
