/** Work a channel starts after it has answered the request (Slack wants an answer within 3 s). */
export interface InFlight {
  track(work: Promise<void>): void;
  /** Resolves once nothing tracked is running: awaited when the app closes, and by tests. */
  idle(): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<void>>();
  return {
    track(work) {
      running.add(work);
      void work.finally(() => running.delete(work));
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
