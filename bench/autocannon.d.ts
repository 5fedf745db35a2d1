/**
 * The part of autocannon's API the benchmark uses (the package ships no
 * types; @types/autocannon would be one more dependency for a few fields).
 */
declare module "autocannon" {
  namespace autocannon {
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      total?: number;
    }
    interface Request {
      method?: "GET" | "HEAD" | "POST";
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    /** One request of the rotation; `setupRequest` may rewrite it each time it is sent. */
    interface RequestSpec extends Request {
      setupRequest?: (request: Request) => Request;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      headers?: Record<string, string>;
      timeout?: number;
      requests?: RequestSpec[];
    }
    interface Result {
      requests: Histogram & { total: number };
      latency: Histogram;
      throughput: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats?: Record<string, { count: number }>;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
