export interface Define {
    name: string;
    /** Parameter names of a function-like macro; undefined for an object-like one. */
    params?: string[];
    body: string;
    line: number;
}
/** Drops comments (keeping line breaks so line numbers stay right) and joins continued lines. */
export declare function stripComments(text: string): string;
/** Every #define in the text, in order, with its 1-based line number; skips `#if 0` blocks. */
export declare function parseDefines(text: string): Define[];
/** What an expression's value was built with, as far as the header says. */
export type Typing = 'hresult' | 'ntstatus' | 'long' | 'plain';
export interface Evaluated {
    value: number;
    typing: Typing;
}
/** Resolves a name to its define: the header's own first, then the shared scopes given. */
export type Resolver = (name: string) => Define | undefined;
/**
 * Evaluates a define's body to a 32-bit value, expanding aliases and function-like macros through
 * `resolve`. Throws when the body is not an integer expression (a string, a type, a call, …).
 */
export declare function evaluate(body: string, resolve: Resolver, depth?: number): Evaluated;
