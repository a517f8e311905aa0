/**
 * The Okabe–Ito palette: eight colours told apart also by people with the common colour-vision
 * deficiencies. Every chart takes its colours from here; lines that must still be told apart in
 * grey scale differ in dash pattern as well.
 */
export const OKABE_ITO = {
  orange: "#e69f00",
  skyBlue: "#56b4e9",
  bluishGreen: "#009e73",
  yellow: "#f0e442",
  blue: "#0072b2",
  vermillion: "#d55e00",
  reddishPurple: "#cc79a7",
  grey: "#7f7f7f",
  black: "#000000",
} as const;
