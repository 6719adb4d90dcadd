import type { ChildProcess } from 'node:child_process';

/** Stops a child politely, then for good once the grace time is over; resolves when it has exited. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	child.kill(signal);
	await Promise.race([exited, new Promise((done) => setTimeout(done, graceMs))]);
	if (child.exitCode === null && child.signalCode === null) {
		child.kill('SIGKILL');
		await exited;
	}
}
