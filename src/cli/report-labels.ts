/** Chinese labels of report states, as the report service names them. */
import { STATUS_NAMES } from '../reports/report.service.js';

/** A status as printed; an unknown one (from a newer version) as stored. */
export function statusName(status: string): string {
  return (STATUS_NAMES as Record<string, string>)[status] ?? status;
}
