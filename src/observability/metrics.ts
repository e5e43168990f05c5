/**
 * The service's Prometheus metrics (prom-client), in a registry of their own so
 * two apps in one process (tests) never share counters:
 *
 *   medspiller_conversations_started_total{flow}
 *   medspiller_turns_total{flow}                 turns answered, by the flow they ended in
 *   medspiller_turn_duration_seconds{flow}       histogram: load, step, save, effects
 *   medspiller_errors_total{code}                error answers by code (rate_limited, conflict, internal, …)
 *   medspiller_active_sessions                   live conversations (every store; Redis through an index of expiries)
 *   medspiller_process_*, medspiller_nodejs_*    prom-client's default process metrics
 *
 * Labels are flow names and error codes only: never ids or anything a citizen said.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  conversationStarted(flow: string): void;
  turnAnswered(flow: string, ms: number): void;
  errorAnswered(code: string): void;
}

export interface MetricsOptions {
  /** Counts live sessions when scraped; leave out when counting would be expensive. */
  activeSessions?: () => Promise<number>;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'medspiller_' });
  const started = new Counter({
    name: 'medspiller_conversations_started_total',
    help: 'Conversations started, by flow',
    labelNames: ['flow'],
    registers: [registry],
  });
  const turns = new Counter({ name: 'medspiller_turns_total', help: 'Turns answered, by flow', labelNames: ['flow'], registers: [registry] });
  const duration = new Histogram({
    name: 'medspiller_turn_duration_seconds',
    help: 'Time to answer a turn (load, step, save, effects), by flow',
    labelNames: ['flow'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({ name: 'medspiller_errors_total', help: 'Error answers, by code', labelNames: ['code'], registers: [registry] });
  const { activeSessions } = options;
  if (activeSessions) {
    new Gauge({
      name: 'medspiller_active_sessions',
      help: 'Conversations that have not expired',
      registers: [registry],
      async collect() {
        this.set(await activeSessions());
      },
    });
  }
  return {
    registry,
    conversationStarted: (flow) => started.inc({ flow }),
    turnAnswered(flow, ms) {
      turns.inc({ flow });
      duration.observe({ flow }, ms / 1000);
    },
    errorAnswered: (code) => errors.inc({ code }),
  };
}
