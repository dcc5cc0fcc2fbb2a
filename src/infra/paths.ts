import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tsx) or dist/ (compiled). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const defaultContentDir = (): string => join(packageRoot, 'content');
export const migrationsDir = (): string => join(packageRoot, 'migrations');
export const webDistDir = (): string => join(packageRoot, 'dist', 'web');
