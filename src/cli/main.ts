#!/usr/bin/env node
import { Command } from 'commander';
import { resolve } from 'node:path';
import { defaultContentDir } from '../infra/paths.js';
import { runContentCheck } from './content-check.js';

const program = new Command('loopcoach').description('Interview preparation for software engineers.');

const content = program.command('content').description('Work with the content files.');
content
  .command('check')
  .argument('[dir]', 'content directory', defaultContentDir())
  .description('Validate every role guide and question; report file, line and field; exit non-zero on problems.')
  .action(async (dir: string) => {
    const result = await runContentCheck(resolve(dir));
    for (const line of result.lines) (result.ok ? console.log : console.error)(line);
    process.exitCode = result.ok ? 0 : 1;
  });

await program.parseAsync(process.argv);
