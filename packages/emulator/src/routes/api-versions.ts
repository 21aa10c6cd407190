/** Machine Learning api-versions the emulator serves (one shared list for every ML route). */
export const ML_API_VERSIONS: readonly string[] = ["2021-07-01", "2022-10-01", "2023-04-01"];
