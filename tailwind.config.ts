// Tailwind 4 reads this through `@config` in app/globals.css.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      colors: {
        delivered: { DEFAULT: "#16a34a", dark: "#22c55e" },
        undelivered: { DEFAULT: "#dc2626", dark: "#f87171" },
        waiting: { DEFAULT: "#d97706", dark: "#fbbf24" },
      },
    },
  },
};

export default config;
