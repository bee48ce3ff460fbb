/**
 * Step 7, the command line: picocli subcommands over the same services the web app uses. Exit codes
 * are decided in {@link org.paperboy.cli.ExitCodes} only.
 */
package org.paperboy.cli;
