// Why the store cannot serve: a sentence an operator can act on, never a connection secret.
import "server-only";

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
