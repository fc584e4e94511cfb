#!/usr/bin/env node
// `npm run verify -- <files or dirs> [options]`: runs the built verify command (dist/cli/verify.js).
import { verify } from "../dist/cli/verify.js";

process.exitCode = await verify(process.argv.slice(2));
