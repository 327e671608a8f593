// How `q` compares text: case- and dotted/dotless-i-insensitive, so "bilgi" finds "BİLGİ" and "BILGI".

export function fold(text: string): string {
  return text
    .toLocaleLowerCase("tr")
    .normalize("NFD")
    .replace(/\u0307/g, "")
    .replace(/ı/g, "i");
}
