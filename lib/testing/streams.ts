// Reading a streamed body in tests.

/** The stream's bytes as UTF-8 text, a leading BOM kept (Response.text() drops it). */
export async function streamText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = await new Response(stream).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
