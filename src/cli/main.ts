#!/usr/bin/env node
/**
 * The command-line shell. Same services and zod contracts as the HTTP API; errors print one line and exit non-zero.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import { createApp, type App } from '../app.js';
import { buildServer } from '../http/server.js';
import { resolveConfig, resolveMigrationTarget, type ConfigInput } from '../infra/config.js';
import { DataDirBusyError } from '../infra/db/open.js';
import { defaultContentDir } from '../infra/paths.js';
import { DIFFICULTIES, LEVELS, type Level } from '../core/content/schema.js';
import { isOrgQuestionId } from '../core/content/org-content.js';
import { localActor, type Actor } from '../features/accounts/visibility.js';
import { questionListQuerySchema } from '../shared/contracts/questions.js';
import { AppError } from '../shared/errors.js';
import { runContentCheck } from './content-check.js';
import { renderGuide, renderQuestion, renderQuestionList } from './render.js';

const print = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};

/** Who the CLI reads as: local mode's one user (their own questions and guides included); no one in server mode. */
const viewerOf = (app: App): Actor | null => (app.localTenantId === null ? null : localActor(app.localTenantId));

/**
 * Opens the app for a one-shot read. If a running server holds the embedded data directory, read the shipped content
 * from memory and say that your own questions and guides are not included.
 */
async function withReadApp<T>(input: ConfigInput, fn: (app: App) => Promise<T>): Promise<T> {
  let app: App;
  try {
    app = await createApp(resolveConfig(input));
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    process.stderr.write('note: a Loopcoach server is using this data directory, so this shows the shipped content only (not your own questions and guides)\n');
    app = await createApp(resolveConfig({ ...input, memory: true }));
  }
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Opens the app to record data. A running server holds the embedded data directory: say so rather than lose work. */
async function withWriteApp<T>(input: ConfigInput, fn: (app: App) => Promise<T>): Promise<T> {
  let app: App;
  try {
    app = await createApp(resolveConfig(input));
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      throw new AppError('CONFLICT', 'a Loopcoach server is using this data directory: use the web app, or stop the server first');
    }
    throw err;
  }
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const dataDirOption = () => new Option('--data-dir <dir>', 'where the embedded database keeps its files (env LOOPCOACH_DATA_DIR)');

export function buildProgram(): Command {
  const program = new Command('loopcoach')
    .description('Interview preparation for software engineers: role guides, answer frameworks and practice.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('serve')
    .description('Start the web app and API (default http://localhost:3000) on the embedded database, or on DATABASE_URL.')
    .option('--port <n>', 'port to listen on (env PORT)', parsePort)
    .addOption(dataDirOption())
    .option('--host <host>', 'interface to bind (default 127.0.0.1 in local mode, which is single-user; 0.0.0.0 in server mode)')
    .addOption(new Option('--mode <mode>', 'local (one user, embedded database) or server (teams, PostgreSQL from DATABASE_URL as the app role) (env LOOPCOACH_MODE)').choices(['local', 'server']))
    .action(async (opts: { port?: number; dataDir?: string; host?: string; mode?: string }) => {
      const config = resolveConfig({ port: opts.port, dataDir: opts.dataDir, host: opts.host, mode: opts.mode });
      const app = await createApp(config);
      const server = await buildServer(app, { logger: process.env.LOOPCOACH_LOG === '1' });
      const shutdown = async (): Promise<void> => {
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      try {
        await server.listen({ port: config.port, host: config.host });
      } catch (err) {
        await app.close();
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new AppError('UNAVAILABLE', `port ${String(config.port)} is already in use; choose another with --port`);
        }
        throw err;
      }
      const address = server.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : config.port;
      const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.database.dataDir ?? 'memory'}`;
      print(`Loopcoach is running at http://localhost:${String(port)}  (API docs: /docs; data: ${where})`);
      const s = app.sync;
      print(`content: ${String(s.roles.inserted + s.roles.updated + s.roles.unchanged)} role guides, ${String(s.questions.inserted + s.questions.updated + s.questions.unchanged)} questions (${String(s.questions.inserted + s.questions.updated)} written, ${String(s.questions.unchanged)} unchanged)`);
    });

  program
    .command('migrate')
    .description('Apply the database migrations and sync the shipped content, as the owner role: MIGRATION_DATABASE_URL (else DATABASE_URL, else the embedded database).')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const { runMigrate } = await import('./migrate.js');
      print(await runMigrate(resolveMigrationTarget({ dataDir: opts.dataDir })));
    });

  const platform = program.command('platform').description('Platform administration (server operators).');
  platform
    .command('usage')
    .description('Usage per tenant — counts, never rows — read as the loopcoach_platform role and audited. Connects with PLATFORM_DATABASE_URL (a login role that is a member of loopcoach_platform), else the embedded database.')
    .requiredOption('--actor <who>', 'who is reading (written to the audit log)')
    .option('--reason <why>', 'why (written to the audit log)')
    .option('--json', 'print JSON')
    .addOption(dataDirOption())
    .action(async (opts: { actor: string; reason?: string; json?: boolean; dataDir?: string }) => {
      const { runPlatformUsage } = await import('./migrate.js');
      print(await runPlatformUsage(opts));
    });

  program
    .command('guide')
    .description('Show a role guide: the loop, questions by stage, tips, FAQ.')
    .argument('<role>', 'role guide id, e.g. backend')
    .option('--json', 'print the guide as JSON')
    .addOption(dataDirOption())
    .action(async (role: string, opts: { json?: boolean; dataDir?: string }) => {
      await withReadApp({ dataDir: opts.dataDir }, async (app) => {
        const guide = await app.services.roles.get(viewerOf(app), role);
        print(opts.json ? JSON.stringify(guide, null, 2) : renderGuide(guide));
      });
    });

  program
    .command('questions')
    .description('List, filter and search questions. With --json: every field of every matching question.')
    .option('--role <role>', 'role guide id, e.g. backend')
    .option('--stage <stage>', 'loop stage id, e.g. system-design')
    .addOption(new Option('--level <level>', 'level').choices(LEVELS))
    .addOption(new Option('--difficulty <difficulty>', 'difficulty').choices(DIFFICULTIES))
    .option('--skill <skill>', 'skill id, e.g. postgresql')
    .option('--search <text>', 'full-text search')
    .option('--id <id>', 'show one question in full')
    .option('--limit <n>', 'at most this many (default 200)')
    .option('--json', 'print a JSON array of complete question objects')
    .addOption(dataDirOption())
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const parsed = questionListQuerySchema.safeParse({
        role: opts.role,
        stage: opts.stage,
        level: opts.level,
        difficulty: opts.difficulty,
        skill: opts.skill,
        q: opts.search,
        limit: opts.limit ?? 200,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const flag = issue?.path[0] === 'q' ? 'search' : String(issue?.path[0] ?? 'option');
        throw new AppError('BAD_REQUEST', `--${flag}: ${issue?.message ?? 'is invalid'}`);
      }
      await withReadApp({ dataDir: opts.dataDir as string | undefined }, async (app) => {
        if (typeof opts.id === 'string') {
          const q = await app.services.questions.getFull(viewerOf(app), opts.id);
          print(opts.json ? JSON.stringify(q, null, 2) : renderQuestion(q));
          return;
        }
        if (opts.json) {
          print(JSON.stringify(await app.services.questions.searchFull(viewerOf(app), parsed.data), null, 2));
        } else {
          const list = await app.services.questions.search(viewerOf(app), parsed.data);
          print(renderQuestionList(list.items, list.total));
        }
      });
    });

  program
    .command('analyze')
    .description('Read a job posting: role family, level, skills with evidence, domain, scale, compliance.')
    .option('--jd <file>', 'the posting: a .txt, .md, .html, .pdf or .docx file, or - for standard input')
    .option('--batch <file>', 'a JSON-lines file of {"id", "description", "title"?}; prints one JSON line per input line')
    .option('--title <title>', 'the job title, when the posting text does not start with it')
    .option('--json', 'print the analysis as JSON')
    .action(async (opts: { jd?: string; batch?: string; title?: string; json?: boolean }) => {
      const { analysisJson, analyzeOrThrow, readJdArgument, renderAnalysis, runBatch } = await import('./analyze.js');
      if (opts.batch !== undefined) {
        if (opts.jd !== undefined) throw new AppError('BAD_REQUEST', 'use either --jd or --batch, not both');
        await runBatch(opts.batch, (line) => {
          process.stdout.write(`${line}\n`);
        });
        return;
      }
      if (opts.jd === undefined) throw new AppError('BAD_REQUEST', 'give the posting with --jd FILE (or --jd - for standard input), or --batch FILE.jsonl');
      const analysis = analyzeOrThrow(await readJdArgument(opts.jd), opts.title);
      print(opts.json ? JSON.stringify(analysisJson(analysis), null, 2) : renderAnalysis(analysis));
    });

  program
    .command('prep')
    .description('Build the prep plan for a posting: the predicted loop, ranked questions with why, coverage, gaps, follow-ups and a schedule.')
    .requiredOption('--jd <file>', 'the posting: a .txt, .md, .html, .pdf or .docx file, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'the interview date; the schedule runs up to it (default: two weeks)')
    .option('--title <title>', 'the job title, when the posting text does not start with it')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .addOption(dataDirOption())
    .action(async (opts: { jd: string; date?: string; title?: string; format: 'md' | 'json'; dataDir?: string }) => {
      const { readJdArgument } = await import('./analyze.js');
      const text = await readJdArgument(opts.jd);
      await withReadApp({ dataDir: opts.dataDir }, async (app) => {
        const p = await app.services.plans.preview({ text, title: opts.title, interviewDate: opts.date }, viewerOf(app)).catch((err: unknown) => {
          if (err instanceof AppError && err.message.startsWith('interviewDate: ')) throw new AppError(err.code, `--date: ${err.message.slice(15)}`);
          throw err;
        });
        if (opts.format === 'json') {
          const { text: _cleaned, ...analysis } = p.analysis;
          print(JSON.stringify({ ...p.plan, analysis }, null, 2));
        } else print(p.markdown);
      });
    });

  program
    .command('score')
    .description('Score an answer against a question\'s rubric: hits and misses quoting the answer, mistakes, dimensions, a verdict and the next follow-up.')
    .requiredOption('--question <id>', 'the question id, e.g. backend/rate-limiter-design')
    .requiredOption('--answer-file <file>', 'the answer as a text file, or - for standard input')
    .addOption(new Option('--level <level>', 'calibrate the verdict to this level').choices(LEVELS))
    .option('--json', 'print the result as JSON')
    .addOption(dataDirOption())
    .action(async (opts: { question: string; answerFile: string; level?: Level; json?: boolean; dataDir?: string }) => {
      const { readAnswerArgument, renderScore, scoreFromContent } = await import('./practice.js');
      const answer = await readAnswerArgument(opts.answerFile);
      // Shipped questions score from the content files alone (fast, beside a running server); your own need the data.
      const result = isOrgQuestionId(opts.question)
        ? await withWriteApp({ dataDir: opts.dataDir }, async (app) => app.services.practice.score(viewerOf(app), opts.question, answer, opts.level))
        : await scoreFromContent(opts.question, answer, opts.level);
      print(opts.json ? JSON.stringify(result, null, 2) : renderScore(result));
    });

  program
    .command('practice')
    .description('Answer questions in the terminal: practice mode (hints, no clock), interview mode (timed, no hints) or a mock loop (one question per stage, with a scorecard).')
    .option('--plan <id>', 'practise a saved plan\'s ranked questions')
    .option('--role <role>', 'or a role guide\'s loop (default backend)')
    .addOption(new Option('--mode <mode>', 'practice, interview or mock').choices(['practice', 'interview', 'mock']).default('practice'))
    .addOption(new Option('--level <level>', 'the level to practise at').choices(LEVELS))
    .option('--count <n>', 'questions in a practice or interview session', parseCount, 5)
    .addOption(dataDirOption())
    .action(async (opts: { plan?: string; role?: string; mode: 'practice' | 'interview' | 'mock'; level?: Level; count: number; dataDir?: string }) => {
      if (opts.plan && opts.role) throw new AppError('BAD_REQUEST', 'use either --plan or --role, not both');
      const { runPractice } = await import('./practice.js');
      await withWriteApp({ dataDir: opts.dataDir }, (app) => runPractice(app, opts, (s) => process.stdout.write(s)));
    });

  program
    .command('review')
    .description('Walk the questions due for review (spaced repetition): answer each again and see its next due date.')
    .option('--limit <n>', 'at most this many reviews', parseCount, 20)
    .addOption(dataDirOption())
    .action(async (opts: { limit: number; dataDir?: string }) => {
      const { runReview } = await import('./practice.js');
      await withWriteApp({ dataDir: opts.dataDir }, (app) => runReview(app, opts, (s) => process.stdout.write(s)));
    });

  const own = program.command('own').description('Your own questions and role guides (local mode), beside the shipped ones: Markdown files in the format of content/, with slug: instead of id:.');
  own
    .command('add')
    .argument('<file>', 'a question or role guide as Markdown with YAML front matter')
    .addOption(new Option('--kind <kind>', 'question or guide (default: from the front matter)').choices(['question', 'guide']))
    .option('--replace', 'replace your existing one with the same slug')
    .addOption(dataDirOption())
    .description('Add (or with --replace, replace) one of your own questions (stored as org/<slug>) or role guides (org-<slug>).')
    .action(async (file: string, opts: { kind?: 'question' | 'guide'; replace?: boolean; dataDir?: string }) => {
      const { ownAdd } = await import('./own.js');
      print(await withWriteApp({ dataDir: opts.dataDir }, (app) => ownAdd(app, file, opts)));
    });
  own
    .command('list')
    .option('--json', 'print as JSON')
    .addOption(dataDirOption())
    .description('List your own questions and role guides.')
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      const { ownList } = await import('./own.js');
      print(await withWriteApp({ dataDir: opts.dataDir }, (app) => ownList(app, opts.json === true)));
    });
  own
    .command('show')
    .argument('<id>', 'org/<slug> or org-<slug>')
    .addOption(dataDirOption())
    .description('Print one of yours as Markdown (edit it and add it back with --replace).')
    .action(async (id: string, opts: { dataDir?: string }) => {
      const { ownShow } = await import('./own.js');
      print(await withWriteApp({ dataDir: opts.dataDir }, (app) => ownShow(app, id)));
    });
  own
    .command('remove')
    .argument('<id>', 'org/<slug> or org-<slug>')
    .addOption(dataDirOption())
    .description('Remove one of your questions or role guides (attempts at a question stay).')
    .action(async (id: string, opts: { dataDir?: string }) => {
      const { ownRemove } = await import('./own.js');
      print(await withWriteApp({ dataDir: opts.dataDir }, (app) => ownRemove(app, id)));
    });

  const content = program.command('content').description('Work with the content files.');
  content
    .command('check')
    .argument('[dir]', 'content directory', defaultContentDir())
    .description('Validate every role guide and question; report file, line and field; exit non-zero on problems.')
    .action(async (dir: string) => {
      const result = await runContentCheck(resolve(dir));
      for (const line of result.lines) (result.ok ? console.log : console.error)(line);
      if (!result.ok) process.exitCode = 1;
    });

  return program;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new InvalidArgumentError('must be a whole number from 1 to 30');
  return n;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535');
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander already printed its one line
    if (err instanceof AppError) {
      const [first] = err.message.split('\n');
      process.stderr.write(`loopcoach: ${err.code === 'CONTENT_INVALID' ? err.message : (first ?? err.message)}\n`);
      return err.exitCode;
    }
    process.stderr.write(`loopcoach: unexpected error: ${(err as Error).message}\n`);
    return 1;
  }
}

const code = await main(process.argv);
if (code !== 0) process.exit(code);
