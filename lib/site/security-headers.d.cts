export interface Header {
  key: string;
  value: string;
}
export function contentSecurityPolicy(options?: { dev?: boolean }): string;
export function securityHeaders(options?: { dev?: boolean }): Header[];
export function scriptHash(script: string): string;
