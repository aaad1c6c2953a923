// TardisExchange: how a tardis.dev exchange id (the CSVs' `exchange` column) maps onto a venue and market of this program — data each venue module owns.
//
// tardis.dev names exchanges by data feed, not by venue: one venue can have several ids (spot and futures feeds).
// The ids are those of https://api.tardis.dev/v1/exchanges ([].id), as the CSVs' `exchange` column holds them
// (docs.tardis.dev, "Downloadable CSV files" › Data types). Each venue folder lists its own ids (src/venues/<venue>/…),
// so this file names no venue.
export interface TardisExchange {
  /** tardis.dev exchange id, as in the `exchange` column. */
  readonly id: string;
  /** The venue (replay header `venue`). */
  readonly venue: string;
  /** The venue's market (replay header `market`). */
  readonly market: string;
}
