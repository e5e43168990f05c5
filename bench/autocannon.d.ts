/** The part of autocannon 8's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    body?: string;
    headers?: Record<string, string>;
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Milliseconds between samples; a run ends on the first sample after its duration. */
    sampleInt?: number;
    requests?: Request[];
  }
  interface Histogram {
    p50: number;
    p99: number;
    total: number;
  }
  interface Result {
    /** Seconds the run lasted. */
    duration: number;
    latency: Histogram;
    requests: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  /** What a run returns inside a worker thread: the histograms still encoded, to be aggregated. */
  type RawResult = object;
  interface Autocannon {
    (options: Options): Promise<RawResult>;
    aggregateResult(results: RawResult[], options: Options): Result;
  }
  const autocannon: Autocannon;
  export default autocannon;
}
