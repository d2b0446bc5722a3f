// Reads and triangulates the finer borders off the main thread (see detail.ts).
import { buildDetail, type DetailReply } from './detail';

const scope = globalThis as unknown as { postMessage(reply: DetailReply, transfer?: Transferable[]): void; addEventListener(type: 'message', listener: (e: MessageEvent<string>) => void): void };

scope.addEventListener('message', (e) => {
  buildDetail(e.data).then(
    (detail) => scope.postMessage({ detail }, [detail.mesh.positions.buffer, detail.mesh.country.buffer, detail.mesh.offsets.buffer]),
    (err: unknown) => scope.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
