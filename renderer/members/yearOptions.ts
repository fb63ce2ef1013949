/** The years a clerk picks from: this year and the four before (assessment looks back, not forward). */
export const currentYear = () => new Date().getFullYear();
export const yearOptions = () => Array.from({ length: 5 }, (_v, i) => currentYear() - i);
