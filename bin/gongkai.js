#!/usr/bin/env node
// Launcher for the gongkai command: registers tsx so the TypeScript sources run as they are
// (no build step), then hands over to src/cli/main.ts. Resolved relative to this file, so it works
// from any working directory and through an npm bin symlink.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
