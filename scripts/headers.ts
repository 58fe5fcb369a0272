// Reads #define lines from C headers and evaluates the integer ones, the way the Windows error
// headers write them: __MSABI_LONG(170), _HRESULT_TYPEDEF_(0x80004005), ((NTSTATUS)0xC0000022),
// ((HRESULT)0x...), (WSABASEERR + 10), MAKE_HRESULT(SEVERITY_ERROR, FACILITY_WIN32, 5),
// HRESULT_FROM_WIN32(ERROR_...), header-local helper macros and aliases of other names.

export interface Define {
  name: string;
  /** Parameter names of a function-like macro; undefined for an object-like one. */
  params?: string[];
  body: string;
  line: number;
}

/** Drops comments (keeping line breaks so line numbers stay right) and joins continued lines. */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && next === '/') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      // A // comment ends at the line break, unless the line is continued with a backslash.
      while (end > 0 && text[end - 1] === '\\' && end < text.length) {
        const more = text.indexOf('\n', end + 1);
        end = more < 0 ? text.length : more;
      }
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every #define in the text, in order, with its 1-based line number; skips `#if 0` blocks. */
export function parseDefines(text: string): Define[] {
  const lines = stripComments(text.replace(/\r\n?/g, '\n')).split('\n');
  const defines: Define[] = [];
  let skipDepth = 0; // > 0 inside an `#if 0` block: the depth of nested #if within it
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + (lines[++i] ?? '');
    const directive = /^\s*#\s*(\w+)\s*(.*)$/.exec(line);
    if (!directive) continue;
    const [, keyword = '', rest = ''] = directive;
    if (skipDepth > 0) {
      if (/^if/.test(keyword)) skipDepth++;
      else if (keyword === 'endif' || ((keyword === 'else' || keyword === 'elif') && skipDepth === 1)) skipDepth--;
      continue;
    }
    if (keyword === 'if' && /^0\s*$/.test(rest)) {
      skipDepth = 1;
      continue;
    }
    if (keyword !== 'define') continue;
    const m = /^([A-Za-z_]\w*)(\(([^)]*)\))?\s*(.*)$/.exec(rest);
    if (!m) continue;
    const [, name = '', paramList, params = '', body = ''] = m;
    defines.push({
      name,
      params: paramList === undefined ? undefined : params.split(',').map((p) => p.trim()).filter(Boolean),
      body: body.trim(),
      line: start + 1,
    });
  }
  return defines;
}

/** What an expression's value was built with, as far as the header says. */
export type Typing = 'hresult' | 'ntstatus' | 'long' | 'plain';

export interface Evaluated {
  value: number;
  typing: Typing;
}

type Token = { t: 'num'; v: bigint } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|[-+*/%|&^~()!,]))/y;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) throw new Error(`cannot read ${JSON.stringify(text.slice(pos))}`);
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: BigInt(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'id', v: m[2] });
    else tokens.push({ t: 'op', v: m[3] ?? '' });
  }
  return tokens;
}

/** Type names that appear in casts: `(HRESULT)0x8000FFFF`, `((DWORD)1L)`, `(unsigned long)x`. */
const CAST_TYPES: Record<string, Typing> = {
  HRESULT: 'hresult', SCODE: 'hresult', NTSTATUS: 'ntstatus', LONG: 'long', long: 'long', DWORD: 'long',
  ULONG: 'long', unsigned: 'plain', int: 'plain', signed: 'plain', UINT: 'plain', INT: 'plain',
};

const MASK = 0xffffffffn;
const hresultFromWin32 = (x: bigint): bigint => ((x & MASK) <= 0n || (x & MASK) >= 0x80000000n ? x : (x & 0xffffn) | 0x80070000n);

/** Macros whose meaning is fixed by the Windows headers; they win over a header's own spelling. */
const BUILTINS: Record<string, { typing: Typing; fn: (a: bigint[]) => bigint }> = {
  __MSABI_LONG: { typing: 'long', fn: ([x = 0n]) => x },
  _HRESULT_TYPEDEF_: { typing: 'hresult', fn: ([x = 0n]) => x },
  _NDIS_ERROR_TYPEDEF_: { typing: 'hresult', fn: ([x = 0n]) => x },
  MAKE_HRESULT: { typing: 'hresult', fn: ([s = 0n, f = 0n, c = 0n]) => (s << 31n) | (f << 16n) | c },
  MAKE_SCODE: { typing: 'hresult', fn: ([s = 0n, f = 0n, c = 0n]) => (s << 31n) | (f << 16n) | c },
  HRESULT_FROM_WIN32: { typing: 'hresult', fn: ([x = 0n]) => hresultFromWin32(x) },
  __HRESULT_FROM_WIN32: { typing: 'hresult', fn: ([x = 0n]) => hresultFromWin32(x) },
  HRESULT_FROM_NT: { typing: 'hresult', fn: ([x = 0n]) => x | 0x10000000n },
};

const RANK: Record<Typing, number> = { plain: 0, long: 1, hresult: 2, ntstatus: 3 };
const stronger = (a: Typing, b: Typing): Typing => (RANK[b] > RANK[a] ? b : a);

/** Resolves a name to its define: the header's own first, then the shared scopes given. */
export type Resolver = (name: string) => Define | undefined;

/**
 * Evaluates a define's body to a 32-bit value, expanding aliases and function-like macros through
 * `resolve`. Throws when the body is not an integer expression (a string, a type, a call, …).
 */
export function evaluate(body: string, resolve: Resolver, depth = 0): Evaluated {
  if (depth > 32) throw new Error('macro expansion too deep');
  const tokens = tokenize(body);
  let pos = 0;
  let typing: Typing = 'plain';
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${JSON.stringify(body)}`);
    pos++;
  };
  // Arguments of a macro call, as raw text, split at top-level commas.
  const callArgs = (): string[] => {
    expect('(');
    const args: string[] = [];
    let depthP = 0;
    let cur: string[] = [];
    for (;;) {
      const t = tokens[pos++];
      if (t === undefined) throw new Error('unclosed macro call');
      if (t.t === 'op' && t.v === '(') depthP++;
      if (t.t === 'op' && t.v === ')') {
        if (depthP === 0) break;
        depthP--;
      }
      if (t.t === 'op' && t.v === ',' && depthP === 0) {
        args.push(cur.join(' '));
        cur = [];
        continue;
      }
      cur.push(t.t === 'num' ? t.v.toString() : t.v);
    }
    if (cur.length > 0 || args.length > 0) args.push(cur.join(' '));
    return args;
  };
  const sub = (text: string): bigint => {
    const r = evaluate(text, resolve, depth + 1);
    typing = stronger(typing, r.typing);
    return BigInt(r.value);
  };
  const primary = (): bigint => {
    const t = tokens[pos];
    if (t === undefined) throw new Error(`unexpected end of ${JSON.stringify(body)}`);
    if (t.t === 'num') {
      pos++;
      return t.v;
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        // A cast such as (HRESULT) or (unsigned long), or a parenthesised expression.
        let j = pos + 1;
        const names: string[] = [];
        while (tokens[j]?.t === 'id' && CAST_TYPES[(tokens[j] as { v: string }).v] !== undefined) names.push((tokens[j++] as { v: string }).v);
        const close = tokens[j];
        if (names.length > 0 && close?.t === 'op' && close.v === ')') {
          pos = j + 1;
          for (const n of names) typing = stronger(typing, CAST_TYPES[n] ?? 'plain');
          return unary();
        }
        pos++;
        const v = expr();
        expect(')');
        return v;
      }
      throw new Error(`unexpected ${t.v} in ${JSON.stringify(body)}`);
    }
    pos++;
    const builtin = BUILTINS[t.v];
    if (builtin && isOp('(')) {
      const args = callArgs().map(sub);
      typing = stronger(typing, builtin.typing);
      return builtin.fn(args);
    }
    const def = resolve(t.v);
    if (!def) throw new Error(`unknown name ${t.v}`);
    if (def.params === undefined) return sub(def.body);
    const args = callArgs();
    if (args.length !== def.params.length) throw new Error(`${t.v} takes ${def.params.length} arguments`);
    // Substitute whole-word parameters with their parenthesised arguments, then evaluate.
    const expanded = def.body.replace(/[A-Za-z_]\w*/g, (w) => {
      const k = def.params?.indexOf(w) ?? -1;
      return k >= 0 ? `(${args[k]})` : w;
    });
    return sub(expanded);
  };
  const unary = (): bigint => {
    if (isOp('-')) return pos++, -unary();
    if (isOp('+')) return pos++, unary();
    if (isOp('~')) return pos++, ~unary();
    if (isOp('!')) return pos++, unary() === 0n ? 1n : 0n;
    return primary();
  };
  const binary = (ops: string[], next: () => bigint): (() => bigint) => () => {
    let v = next();
    for (;;) {
      const t = peek();
      if (t?.t !== 'op' || !ops.includes(t.v)) return v;
      pos++;
      const r = next();
      switch (t.v) {
        case '*': v *= r; break;
        case '/': if (r === 0n) throw new Error('division by zero'); v /= r; break;
        case '%': if (r === 0n) throw new Error('division by zero'); v %= r; break;
        case '+': v += r; break;
        case '-': v -= r; break;
        case '<<': v = (v << r) & MASK; break;
        case '>>': v = (v & MASK) >> r; break;
        case '&': v &= r; break;
        case '^': v ^= r; break;
        case '|': v |= r; break;
      }
    }
  };
  const mul = binary(['*', '/', '%'], unary);
  const add = binary(['+', '-'], mul);
  const shift = binary(['<<', '>>'], add);
  const and = binary(['&'], shift);
  const xor = binary(['^'], and);
  const expr = binary(['|'], xor);
  const value = expr();
  if (pos !== tokens.length) throw new Error(`trailing text in ${JSON.stringify(body)}`);
  if (tokens.length === 0) throw new Error('empty definition');
  return { value: Number(BigInt.asUintN(32, value)), typing };
}
