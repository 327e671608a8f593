// Structured JSON log lines. Callers pass fields; never credentials or phone numbers.

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogSink = (fields: LogFields) => void;

export const logToStdout: LogSink = (fields) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
};

export const silent: LogSink = () => {};
