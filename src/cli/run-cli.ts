/**
 * Dispatch of the gongkai command line: finds the command, runs it, turns every failure into a
 * message and an exit code, and always closes the database.
 */
import { type CliContext } from './cli-context.js';
import { describeError, EXIT_ERROR, UsageError } from './cli-errors.js';
import { AGENCY_USAGE, ART20_USAGE, CALENDAR_USAGE, MAIN_USAGE, REPORT_USAGE, SEARCH_USAGE, USER_USAGE } from './usage.js';
import { APPLICATION_USAGE } from '../applications/application-usage.js';
import { ITEM_USAGE } from '../disclosure/item-import-usage.js';
import { MATTER_USAGE } from '../matters/matter-usage.js';
import { CATALOGUE_USAGE } from '../disclosure/catalogue-usage.js';
import { DEMO_USAGE } from '../demo/demo-usage.js';
import { PROPOSAL_USAGE } from '../proposals/proposal-usage.js';

type Command = (args: string[], ctx: CliContext) => Promise<number>;

// Commands load on demand: `report list` need not load the PDF and Word renderers, nor `report
// render` the database drivers.
const lazy = <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (args, ctx) => pick(await load())(args, ctx);

const GROUPS: Record<string, { usage: string; commands: Record<string, Command> }> = {
  report: {
    usage: REPORT_USAGE,
    commands: {
      check: lazy(() => import('./commands/report-check.js'), (m) => m.reportCheckCommand),
      parse: lazy(() => import('./commands/report-parse.js'), (m) => m.reportParseCommand),
      render: lazy(() => import('./commands/report-render.js'), (m) => m.reportRenderCommand),
      import: lazy(() => import('./commands/report-import.js'), (m) => m.reportImportCommand),
      export: lazy(() => import('./commands/report-export.js'), (m) => m.reportExportCommand),
      list: lazy(() => import('./commands/report-list.js'), (m) => m.reportListCommand),
      'fill-from-cases': lazy(() => import('../statistics/statistics.cli.js'), (m) => m.reportFillFromCasesCommand),
      'fill-from-data': lazy(() => import('../statistics/table2.cli.js'), (m) => m.reportFillFromDataCommand),
      'draft-text': lazy(() => import('../reports/report-text.cli.js'), (m) => m.reportDraftTextCommand),
      publish: lazy(() => import('../statistics/table2.cli.js'), (m) => m.reportPublishCommand),
      correct: lazy(() => import('../reports/report-correction.cli.js'), (m) => m.reportCorrectCommand),
    },
  },
  art20: {
    usage: ART20_USAGE,
    commands: {
      set: lazy(() => import('../statistics/table2.cli.js'), (m) => m.art20SetCommand),
      list: lazy(() => import('../statistics/table2.cli.js'), (m) => m.art20ListCommand),
    },
  },
  agency: {
    usage: AGENCY_USAGE,
    commands: {
      list: lazy(() => import('./commands/agency-commands.js'), (m) => m.agencyListCommand),
      add: lazy(() => import('./commands/agency-commands.js'), (m) => m.agencyAddCommand),
    },
  },
  calendar: {
    usage: CALENDAR_USAGE,
    commands: {
      deadline: lazy(() => import('./commands/calendar-deadline.js'), (m) => m.calendarDeadlineCommand),
      'set-year': lazy(() => import('./commands/calendar-set-year.js'), (m) => m.calendarSetYearCommand),
      show: lazy(() => import('./commands/calendar-show.js'), (m) => m.calendarShowCommand),
    },
  },
  application: {
    usage: APPLICATION_USAGE,
    commands: {
      list: lazy(() => import('../applications/application.cli.js'), (m) => m.applicationListCommand),
      show: lazy(() => import('../applications/application.cli.js'), (m) => m.applicationShowCommand),
      receive: lazy(() => import('../applications/application.cli.js'), (m) => m.applicationReceiveCommand),
      event: lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationEventCommand),
      decisions: lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationDecisionsCommand),
      remedy: lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationRemedyCommand),
      'remedy-result': lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationRemedyResultCommand),
      warnings: lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationWarningsCommand),
      assign: lazy(() => import('../applications/application-events.cli.js'), (m) => m.applicationAssignCommand),
      tables: lazy(() => import('../statistics/statistics.cli.js'), (m) => m.applicationTablesCommand),
      cases: lazy(() => import('../statistics/statistics.cli.js'), (m) => m.applicationCasesCommand),
    },
  },
  item: {
    usage: ITEM_USAGE,
    commands: {
      import: lazy(() => import('../disclosure/item-import.cli.js'), (m) => m.itemImportCommand),
      export: lazy(() => import('../disclosure/item-import.cli.js'), (m) => m.itemExportCommand),
      'export-catalogue': lazy(() => import('../disclosure/item-import.cli.js'), (m) => m.itemExportCatalogueCommand),
      'set-code': lazy(() => import('../disclosure/item-import.cli.js'), (m) => m.itemSetCodeCommand),
    },
  },
  matter: {
    usage: MATTER_USAGE,
    commands: {
      import: lazy(() => import('../matters/matter.cli.js'), (m) => m.matterImportCommand),
      export: lazy(() => import('../matters/matter.cli.js'), (m) => m.matterExportCommand),
      figures: lazy(() => import('../matters/matter.cli.js'), (m) => m.matterFiguresCommand),
    },
  },
  catalogue: {
    usage: CATALOGUE_USAGE,
    commands: {
      show: lazy(() => import('../disclosure/catalogue.cli.js'), (m) => m.catalogueShowCommand),
      'apply-template': lazy(() => import('../disclosure/catalogue.cli.js'), (m) => m.catalogueApplyTemplateCommand),
    },
  },
  demo: {
    usage: DEMO_USAGE,
    commands: {
      'disclosure-year': lazy(() => import('../demo/demo.cli.js'), (m) => m.demoDisclosureYearCommand),
      items: lazy(() => import('../demo/demo-items.cli.js'), (m) => m.demoItemsCommand),
    },
  },
  proposal: {
    usage: PROPOSAL_USAGE,
    commands: {
      list: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalListCommand),
      register: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalRegisterCommand),
      answer: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalAnswerCommand),
      feedback: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalFeedbackCommand),
      warnings: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalWarningsCommand),
      counts: lazy(() => import('../proposals/proposal.cli.js'), (m) => m.proposalCountsCommand),
    },
  },
  search: {
    usage: SEARCH_USAGE,
    commands: {
      rebuild: lazy(() => import('../search/search.cli.js'), (m) => m.searchRebuildCommand),
    },
  },
  user: {
    usage: USER_USAGE,
    commands: {
      add: lazy(() => import('../auth/user.cli.js'), (m) => m.userAddCommand),
      list: lazy(() => import('../auth/user.cli.js'), (m) => m.userListCommand),
      disable: lazy(() => import('../auth/user.cli.js'), (m) => m.userDisableCommand),
      enable: lazy(() => import('../auth/user.cli.js'), (m) => m.userEnableCommand),
      'reset-password': lazy(() => import('../auth/user.cli.js'), (m) => m.userResetPasswordCommand),
      grant: lazy(() => import('../auth/user.cli.js'), (m) => m.userGrantCommand),
      revoke: lazy(() => import('../auth/user.cli.js'), (m) => m.userRevokeCommand),
    },
  },
};

/** Commands that stand alone, without a group (their arguments follow the name). */
const SINGLE: Record<string, Command> = {
  audit: lazy(() => import('./commands/audit.js'), (m) => m.auditCommand),
};

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

function findCommand(argv: string[], ctx: CliContext): { command: Command; args: string[] } | number {
  const [groupName, commandName, ...rest] = argv;
  if (groupName === undefined) {
    ctx.err(MAIN_USAGE);
    return EXIT_ERROR;
  }
  if (isHelp(groupName)) {
    ctx.out(MAIN_USAGE);
    return 0;
  }
  const single = Object.hasOwn(SINGLE, groupName) ? SINGLE[groupName] : undefined;
  if (single) return { command: single, args: argv.slice(1) };
  const group = Object.hasOwn(GROUPS, groupName) ? GROUPS[groupName] : undefined;
  if (!group) {
    const message = groupName.startsWith('-') ? `未知选项 ${groupName}` : `未知命令“${groupName}”`;
    throw new UsageError(message, MAIN_USAGE);
  }
  if (commandName === undefined) {
    ctx.err(group.usage);
    return EXIT_ERROR;
  }
  if (isHelp(commandName)) {
    ctx.out(group.usage);
    return 0;
  }
  const command = Object.hasOwn(group.commands, commandName) ? group.commands[commandName] : undefined;
  if (!command) throw new UsageError(`未知命令“${groupName} ${commandName}”`, group.usage);
  return { command, args: rest };
}

/** Runs the command line `argv` (without node and script); returns the exit code. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const debug = ctx.env.GONGKAI_DEBUG === '1';
  let code: number;
  try {
    const found = findCommand(argv, ctx);
    code = typeof found === 'number' ? found : await found.command(found.args, ctx);
  } catch (e) {
    const { lines, exitCode } = describeError(e, debug);
    ctx.err(lines.join('\n'));
    code = exitCode;
  }
  try {
    await ctx.close();
  } catch (e) {
    const { lines, exitCode } = describeError(e, debug);
    ctx.err(lines.join('\n'));
    code ||= exitCode;
  }
  return code;
}
