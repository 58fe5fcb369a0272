// JSON renderers: only JSON on stdout, stable field names (README, "JSON fields").
export function jsonLine(value: unknown): string {
  return JSON.stringify(value) + '\n';
}

export function errorObject(input: string, error: string): { input: string; error: string } {
  return { input, error };
}
