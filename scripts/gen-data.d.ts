export type Kind = 'hresult' | 'win32' | 'ntstatus';
export declare const MINGW = "usr/share/mingw-w64/include";
export declare const WINE = "usr/include/wine/wine/windows";
export interface HeaderSpec {
    dir: typeof MINGW | typeof WINE;
    file: string;
    /** How its codes are classified: all NTSTATUS, all Win32 errors, or by how each is written. */
    kind: Kind | 'auto';
    /** For headers that mix codes with other constants: only names matching this are codes. */
    names?: RegExp;
}
/**
 * The headers read, in order of precedence: when several names share one value, names from an
 * earlier header come first; a name an earlier header defines is never redefined by a later one.
 */
export declare const HEADERS: HeaderSpec[];
export interface Code {
    kind: Kind;
    value: number;
    name: string;
    source: number;
}
export interface Facility {
    /** HRESULT facilities (winerror.h) and NTSTATUS facilities (ntstatus.h) are numbered apart. */
    space: Kind;
    value: number;
    name: string;
    source: number;
}
export interface Generated {
    sources: string[];
    codes: Code[];
    facilities: Facility[];
    /** Defines left out, with why: for checking the generator's judgement by eye. */
    skipped: string[];
}
export declare function generate(root: string, headers?: HeaderSpec[]): Generated;
/** The generated module: compact tab-separated tables in string literals, parsed on first use. */
export declare function render(g: Generated, packages: string[]): string;
export declare const OUTPUT = "src/data/codes.generated.ts";
export declare function readPackages(root: string): string[];
