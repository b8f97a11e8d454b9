// Child process of the leader failover test: runs for leadership and says when it has it.
import { createHub } from '../hub';
import { runAsLeader } from '../leader';

const url = process.argv[2]!;
runAsLeader(createHub(url), 'test-role', {
  checkMs: 100,
  onElected: () => void process.stdout.write('elected\n'),
  onDeposed: () => void process.stdout.write('deposed\n'),
});
process.stdout.write('running\n');
setInterval(() => {}, 1000);
