/** Stylesheets imported by components (and NutUI) mean nothing in jsdom: jest maps them here. */
export default {};
