export async function evalCommand(_args: string[], help: string): Promise<number> {
  process.stdout.write(help);
  return 2;
}
