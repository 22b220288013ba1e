/**
 * The service halls and their figures (issue 12 part 3): halls per service level, each hall's month entered (or
 * imported) — windows, matters in the hall, transactions, certificates mailed —, a correction recorded as an event
 * old → new; and the dashboard of a year: the halls' totals, and the shares (最多跑一次, 可网办, 全程网办) computed from
 * the matter list as of a day, with counts by theme and level, for the office and the annual report.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { NotFoundError, ValidationError, ConflictError, type ProblemDetail } from '../core/errors.js';
import { hallYear, isMonth } from '../core/matters/hall-figures.js';
import { SERVICE_LEVEL_KEYS, SERVICE_LEVELS, type ServiceLevel } from '../core/matters/matter-lists.js';
import { matterShares } from '../core/matters/matter-shares.js';
import type { Database } from '../db/schema.js';
import { insertDisclosureEvent } from '../disclosure/review.repository.js';
import {
  findHallByName, findHallMonth, findHallRow, hallMonthsOfYear, insertHallMonth, insertHallRow, listHallRows, updateHallMonth,
} from './hall.repository.js';
import { countMattersAsOf, themesAndLevelsAsOf } from './matter.repository.js';
import { themeNamer } from './matter-search.js';
import type { ParsedHallFile } from './hall-import-read.js';

/** The figures of a hall's month as entered. */
export interface HallMonthInput {
  windows?: number | null;
  matters?: number | null;
  transactions?: number | null;
  certificatesMailed?: number | null;
}

const FIGURE_NAMES = { windows: '窗口数', matters: '进驻事项数', transactions: '办件量', certificatesMailed: '快递送达证照数' } as const;

/** Checks the figures: whole numbers from 0, or blank. */
function checkFigures(input: HallMonthInput): void {
  const problems: ProblemDetail[] = [];
  for (const [key, name] of Object.entries(FIGURE_NAMES) as Array<[keyof HallMonthInput, string]>) {
    const v = input[key];
    if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 100_000_000)) {
      problems.push({ message: `${name}应为不小于 0 的整数，现为“${String(v)}”`, place: { field: key } });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems[0]!.place, problems);
}

/** The hall service. */
export function hallService(db: Kysely<Database>, clock: Clock) {
  async function hallOf(agencyId: number, hallId: number) {
    const hall = await findHallRow(db, hallId);
    if (!hall || hall.agency_id !== agencyId) throw new NotFoundError(`服务大厅（编号 ${hallId}）不存在`);
    return hall;
  }

  return {
    /** The agency's halls and points. */
    async halls(agencyId: number) {
      return (await listHallRows(db, agencyId)).map((h) => ({ id: h.id, name: h.name, level: h.level as ServiceLevel, levelName: SERVICE_LEVELS[h.level as ServiceLevel] }));
    },

    /** Registers a hall or point of a level. */
    async addHall(agencyId: number, input: { name: string; level: string }, actor: Actor) {
      if (!(await findAgencyRow(db, agencyId))) throw new NotFoundError(`机关（编号 ${agencyId}）不存在`);
      const name = input.name.trim();
      if (name === '') throw new ValidationError('请填写服务大厅名称', { field: 'name' });
      if (!SERVICE_LEVEL_KEYS.includes(input.level as ServiceLevel)) {
        throw new ValidationError(`服务层级应为${Object.values(SERVICE_LEVELS).join('、')}之一`, { field: 'level' });
      }
      if (await findHallByName(db, agencyId, name)) throw new ConflictError(`服务大厅“${name}”已登记`, 'DUPLICATE_HALL');
      const at = clock();
      const row = await insertHallRow(db, { agency_id: agencyId, name, level: input.level, created_at: at, created_by: actor.name });
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'service-hall', subject_id: row.id, type: 'created', data: { old: null, new: { name, level: input.level } },
        actor: actor.name, actor_id: actor.id, at,
      });
      return { id: row.id, name: row.name, level: row.level as ServiceLevel, levelName: SERVICE_LEVELS[row.level as ServiceLevel] };
    },

    /** Enters (or corrects) a hall's month; the change is an event old → new. */
    async enterMonth(agencyId: number, hallId: number, month: string, input: HallMonthInput, actor: Actor, source = 'entered') {
      const hall = await hallOf(agencyId, hallId);
      if (!isMonth(month)) throw new ValidationError(`月份格式不正确：“${month}”（应如 2019-12）`, { field: 'month' });
      checkFigures(input);
      const at = clock();
      const values = {
        windows: input.windows ?? null, matters: input.matters ?? null, transactions: input.transactions ?? null,
        certificates_mailed: input.certificatesMailed ?? null, source, updated_at: at, updated_by: actor.name, updated_by_id: actor.id,
      };
      const old = await findHallMonth(db, hall.id, month);
      if (old) await updateHallMonth(db, old.id, values);
      else await insertHallMonth(db, { hall_id: hall.id, month, ...values });
      await insertDisclosureEvent(db, {
        agency_id: agencyId, subject_kind: 'service-hall', subject_id: hall.id, type: old ? 'figures-corrected' : 'figures-entered',
        data: {
          month,
          old: old ? { windows: old.windows, matters: old.matters, transactions: old.transactions, certificatesMailed: old.certificates_mailed } : null,
          new: { windows: values.windows, matters: values.matters, transactions: values.transactions, certificatesMailed: values.certificates_mailed },
        },
        actor: actor.name, actor_id: actor.id, at,
      });
      return { hallId: hall.id, month, windows: values.windows, matters: values.matters, transactions: values.transactions, certificatesMailed: values.certificates_mailed };
    },

    /**
     * Imports a hall figures file (hall-import-read.ts): every row checked first — the hall must be registered, the
     * month real, the figures whole numbers — and, when none is refused, each month entered as by enterMonth (an
     * existing month corrected, old → new in its event). A refused row imports nothing: the rows come back with reasons.
     */
    async importMonths(agencyId: number, parsed: ParsedHallFile, actor: Actor) {
      if (parsed.fileProblems.length > 0) throw new ValidationError(parsed.fileProblems.map((p) => p.message).join('；'), { field: 'file' });
      const halls = new Map((await listHallRows(db, agencyId)).map((h) => [h.name, h.id]));
      const refused: Array<{ row: number; column: string; message: string }> = [];
      const good: Array<{ hallId: number; month: string; input: HallMonthInput }> = [];
      for (const { row, cells } of parsed.rows) {
        const problems: string[] = [];
        const hallId = halls.get(cells.hall ?? '');
        if (hallId === undefined) problems.push(`大厅“${cells.hall ?? ''}”未登记`);
        const m = /^(\d{4})(?:-|年)(\d{1,2})月?$/.exec(cells.month ?? '');
        const month = m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : '';
        if (!isMonth(month)) problems.push(`月份“${cells.month ?? ''}”格式不正确（应如 2019-12）`);
        const input: HallMonthInput = {};
        for (const key of ['windows', 'matters', 'transactions', 'certificatesMailed'] as const) {
          const text = (cells[key] ?? '').replace(/,/g, '');
          if (text === '') input[key] = null;
          else if (/^\d+$/.test(text)) input[key] = Number(text);
          else problems.push(`${FIGURE_NAMES[key]}“${cells[key]}”应为不小于 0 的整数`);
        }
        if (problems.length > 0) refused.push(...problems.map((message) => ({ row, column: '', message: `第 ${row} 行：${message}` })));
        else good.push({ hallId: hallId!, month, input });
      }
      if (refused.length > 0) {
        return { stored: false, entered: 0, refused, message: `共 ${parsed.rows.length} 行，其中 ${new Set(refused.map((r) => r.row)).size} 行有误，未导入；请修改后重新导入。` };
      }
      for (const g of good) await this.enterMonth(agencyId, g.hallId, g.month, g.input, actor, 'import');
      return { stored: true, entered: good.length, refused, message: `已导入 ${good.length} 个月度数据。` };
    },

    /**
     * The dashboard of a year: every hall's months, the year's totals (stock figures from each hall's last entered
     * month, flows summed), and the matter list's shares, themes and levels as of `asOf` (default: the year's last day).
     */
    async dashboard(agencyId: number, year: number, asOf?: string) {
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError(`年度不正确：${year}`, { field: 'year' });
      const day = asOf ?? `${year}-12-31`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ValidationError(`日期格式不正确：“${day}”`, { field: 'asOf' });
      const halls = await this.halls(agencyId);
      const months = await hallMonthsOfYear(db, agencyId, year);
      const totals = hallYear(months.map((m) => ({
        hallId: m.hall_id, month: m.month, windows: m.windows, matters: m.matters, transactions: m.transactions, certificatesMailed: m.certificates_mailed,
      })));
      const counts = await countMattersAsOf(db, agencyId, day);
      const names = await themeNamer(db);
      const themes = new Map<string, number>();
      const levels = new Map<string, number>(SERVICE_LEVEL_KEYS.map((l) => [l, 0]));
      for (const r of await themesAndLevelsAsOf(db, agencyId, day)) {
        for (const t of r.themes.trim().split(/\s+/).filter(Boolean)) themes.set(t, (themes.get(t) ?? 0) + 1);
        for (const l of r.levels.trim().split(/\s+/).filter(Boolean)) levels.set(l, (levels.get(l) ?? 0) + 1);
      }
      return {
        year, asOf: day,
        matters: { counts, shares: matterShares(counts) },
        themes: [...themes.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([key, count]) => ({ key, name: names(key), count })),
        levels: [...levels.entries()].map(([level, count]) => ({ level, levelName: SERVICE_LEVELS[level as ServiceLevel] ?? level, count })),
        halls: halls.map((h) => {
          const y = totals.halls.find((t) => t.hallId === h.id);
          return {
            ...h, windows: y?.windows ?? null, matters: y?.matters ?? null, transactions: y?.transactions ?? null,
            certificatesMailed: y?.certificatesMailed ?? null, monthsEntered: y?.months ?? 0,
          };
        }),
        months: months.map((m) => ({
          hallId: m.hall_id, hallName: m.hall_name, month: m.month, windows: m.windows, matters: m.matters, transactions: m.transactions, certificatesMailed: m.certificates_mailed,
        })),
        totals: { windows: totals.windows, transactions: totals.transactions, certificatesMailed: totals.certificatesMailed },
      };
    },
  };
}
