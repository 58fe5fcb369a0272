interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
}
export declare function mfr(args: string[], opts?: {
    input?: string;
    env?: Record<string, string | undefined>;
}): Run;
export {};
