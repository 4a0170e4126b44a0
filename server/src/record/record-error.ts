/** A data file that fails validation: start-up refuses to go on and names the file and the problem. */
export class RecordError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'RecordError';
  }
}
