import client from 'prom-client';

const buckets = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Series {
  method: string;
  route: string;
  status: number;
  count: number;
  sum: number;
  /** cumulative counts are computed at scrape time; these are per-bucket */
  perBucket: Float64Array;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/**
 * Prometheus metrics. Process metrics come from prom-client; HTTP request
 * counts and durations (by route template, never raw URL) are kept in plain
 * counters because prom-client's label handling on every request costs more
 * than the counting itself. Both are rendered in the text format at scrape time.
 */
export class Metrics {
  readonly registry = new client.Registry();
  private readonly series = new Map<string, Series>();

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'sy_' });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let s = this.series.get(key);
    if (!s) {
      s = { method, route, status, count: 0, sum: 0, perBucket: new Float64Array(buckets.length) };
      this.series.set(key, s);
    }
    s.count += 1;
    s.sum += seconds;
    for (let i = 0; i < buckets.length; i += 1) {
      if (seconds <= buckets[i]!) {
        s.perBucket[i]! += 1;
        break;
      }
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    const lines: string[] = [
      '# HELP sy_http_requests_total HTTP requests by method, route and status',
      '# TYPE sy_http_requests_total counter',
    ];
    for (const s of this.series.values()) {
      lines.push(`sy_http_requests_total{method="${s.method}",route="${escapeLabel(s.route)}",status="${s.status}"} ${s.count}`);
    }
    lines.push('# HELP sy_http_request_duration_seconds HTTP request duration by method, route and status');
    lines.push('# TYPE sy_http_request_duration_seconds histogram');
    for (const s of this.series.values()) {
      const labels = `method="${s.method}",route="${escapeLabel(s.route)}",status="${s.status}"`;
      let cumulative = 0;
      buckets.forEach((le, i) => {
        cumulative += s.perBucket[i]!;
        lines.push(`sy_http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`);
      });
      lines.push(`sy_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      lines.push(`sy_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`sy_http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return `${await this.registry.metrics()}\n${lines.join('\n')}\n`;
  }
}
