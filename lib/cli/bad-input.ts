/** A mistake in the command line or its files: printed without a stack, exit code 2. */
export class BadInput extends Error {}
