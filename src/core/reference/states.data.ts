/**
 * States and areas: every UN Member State, the two non-member Observer States, and the other areas of the M49 list
 * that carry ISO 3166-1 codes. One row per area, ordered by M49 code.
 *
 * Regional groups: transcribed by hand from the list "United Nations Regional Groups of Member States" published by
 * the UN Department for General Assembly and Conference Management (DGACM), www.un.org/dgacm/en/content/regional-groups,
 * as of 2024. These are the five groups used for elections in the General Assembly, NOT the M49 continental regions.
 * Counts: African 54, Asia-Pacific 54 (with Kiribati), Eastern European 23, Latin American and Caribbean 33,
 * Western European and other 29 (28 members plus the United States, counted with WEOG for electoral purposes):
 * 54 + 54 + 23 + 33 + 29 = 193. The figure "53" still quoted for Asia-Pacific predates Kiribati's inclusion.
 *
 * Codes: M49 numeric (UN Statistics Division, "Standard country or area codes for statistical use"), ISO 3166-1
 * alpha-2 and alpha-3, taken from the `world-countries` package (v5.1.0, field `ccn3` for M49) and checked by hand.
 * UN membership is this table's own: `world-countries` wrongly flags the Holy See as a Member State.
 * Left out: Taiwan (ISO 158/TW/TWN; not listed separately in M49), Kosovo (no ISO 3166-1 code) and Sark (M49 680,
 * no ISO code).
 *
 * This table is the source of truth for groups and membership. Names are not stored: see `stateName` in states.ts.
 */

/** The five UN regional groups, in the order the DGACM list gives them. */
export const REGIONAL_GROUP_IDS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-other',
] as const;

export type RegionalGroupId = (typeof REGIONAL_GROUP_IDS)[number];

export interface StateArea {
  /** M49 numeric code, three digits with leading zeros, e.g. "004". */
  readonly m49: string;
  /** ISO 3166-1 alpha-2, e.g. "AF". */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3, e.g. "AFG". */
  readonly alpha3: string;
  /** A Member State of the United Nations (193). */
  readonly unMember: boolean;
  /** A non-member Observer State (Holy See, State of Palestine). */
  readonly observer: boolean;
  /** UN regional group; set for every Member State and for no other area. */
  readonly group?: RegionalGroupId;
  /** Why a group assignment is special (United States, Türkiye, Israel, Kiribati, State of Palestine). */
  readonly groupNote?: string;
}

export const STATE_AREAS: readonly StateArea[] = [
  { m49: '004', alpha2: 'AF', alpha3: 'AFG', unMember: true, observer: false, group: 'asia-pacific' }, // Afghanistan
  { m49: '008', alpha2: 'AL', alpha3: 'ALB', unMember: true, observer: false, group: 'eastern-european' }, // Albania
  { m49: '010', alpha2: 'AQ', alpha3: 'ATA', unMember: false, observer: false }, // Antarctica
  { m49: '012', alpha2: 'DZ', alpha3: 'DZA', unMember: true, observer: false, group: 'african' }, // Algeria
  { m49: '016', alpha2: 'AS', alpha3: 'ASM', unMember: false, observer: false }, // American Samoa
  { m49: '020', alpha2: 'AD', alpha3: 'AND', unMember: true, observer: false, group: 'western-european-other' }, // Andorra
  { m49: '024', alpha2: 'AO', alpha3: 'AGO', unMember: true, observer: false, group: 'african' }, // Angola
  { m49: '028', alpha2: 'AG', alpha3: 'ATG', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Antigua and Barbuda
  { m49: '031', alpha2: 'AZ', alpha3: 'AZE', unMember: true, observer: false, group: 'eastern-european' }, // Azerbaijan
  { m49: '032', alpha2: 'AR', alpha3: 'ARG', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Argentina
  { m49: '036', alpha2: 'AU', alpha3: 'AUS', unMember: true, observer: false, group: 'western-european-other' }, // Australia
  { m49: '040', alpha2: 'AT', alpha3: 'AUT', unMember: true, observer: false, group: 'western-european-other' }, // Austria
  { m49: '044', alpha2: 'BS', alpha3: 'BHS', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Bahamas
  { m49: '048', alpha2: 'BH', alpha3: 'BHR', unMember: true, observer: false, group: 'asia-pacific' }, // Bahrain
  { m49: '050', alpha2: 'BD', alpha3: 'BGD', unMember: true, observer: false, group: 'asia-pacific' }, // Bangladesh
  { m49: '051', alpha2: 'AM', alpha3: 'ARM', unMember: true, observer: false, group: 'eastern-european' }, // Armenia
  { m49: '052', alpha2: 'BB', alpha3: 'BRB', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Barbados
  { m49: '056', alpha2: 'BE', alpha3: 'BEL', unMember: true, observer: false, group: 'western-european-other' }, // Belgium
  { m49: '060', alpha2: 'BM', alpha3: 'BMU', unMember: false, observer: false }, // Bermuda
  { m49: '064', alpha2: 'BT', alpha3: 'BTN', unMember: true, observer: false, group: 'asia-pacific' }, // Bhutan
  { m49: '068', alpha2: 'BO', alpha3: 'BOL', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Bolivia
  { m49: '070', alpha2: 'BA', alpha3: 'BIH', unMember: true, observer: false, group: 'eastern-european' }, // Bosnia and Herzegovina
  { m49: '072', alpha2: 'BW', alpha3: 'BWA', unMember: true, observer: false, group: 'african' }, // Botswana
  { m49: '074', alpha2: 'BV', alpha3: 'BVT', unMember: false, observer: false }, // Bouvet Island
  { m49: '076', alpha2: 'BR', alpha3: 'BRA', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Brazil
  { m49: '084', alpha2: 'BZ', alpha3: 'BLZ', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Belize
  { m49: '086', alpha2: 'IO', alpha3: 'IOT', unMember: false, observer: false }, // British Indian Ocean Territory
  { m49: '090', alpha2: 'SB', alpha3: 'SLB', unMember: true, observer: false, group: 'asia-pacific' }, // Solomon Islands
  { m49: '092', alpha2: 'VG', alpha3: 'VGB', unMember: false, observer: false }, // British Virgin Islands
  { m49: '096', alpha2: 'BN', alpha3: 'BRN', unMember: true, observer: false, group: 'asia-pacific' }, // Brunei
  { m49: '100', alpha2: 'BG', alpha3: 'BGR', unMember: true, observer: false, group: 'eastern-european' }, // Bulgaria
  { m49: '104', alpha2: 'MM', alpha3: 'MMR', unMember: true, observer: false, group: 'asia-pacific' }, // Myanmar
  { m49: '108', alpha2: 'BI', alpha3: 'BDI', unMember: true, observer: false, group: 'african' }, // Burundi
  { m49: '112', alpha2: 'BY', alpha3: 'BLR', unMember: true, observer: false, group: 'eastern-european' }, // Belarus
  { m49: '116', alpha2: 'KH', alpha3: 'KHM', unMember: true, observer: false, group: 'asia-pacific' }, // Cambodia
  { m49: '120', alpha2: 'CM', alpha3: 'CMR', unMember: true, observer: false, group: 'african' }, // Cameroon
  { m49: '124', alpha2: 'CA', alpha3: 'CAN', unMember: true, observer: false, group: 'western-european-other' }, // Canada
  { m49: '132', alpha2: 'CV', alpha3: 'CPV', unMember: true, observer: false, group: 'african' }, // Cape Verde
  { m49: '136', alpha2: 'KY', alpha3: 'CYM', unMember: false, observer: false }, // Cayman Islands
  { m49: '140', alpha2: 'CF', alpha3: 'CAF', unMember: true, observer: false, group: 'african' }, // Central African Republic
  { m49: '144', alpha2: 'LK', alpha3: 'LKA', unMember: true, observer: false, group: 'asia-pacific' }, // Sri Lanka
  { m49: '148', alpha2: 'TD', alpha3: 'TCD', unMember: true, observer: false, group: 'african' }, // Chad
  { m49: '152', alpha2: 'CL', alpha3: 'CHL', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Chile
  { m49: '156', alpha2: 'CN', alpha3: 'CHN', unMember: true, observer: false, group: 'asia-pacific' }, // China
  { m49: '162', alpha2: 'CX', alpha3: 'CXR', unMember: false, observer: false }, // Christmas Island
  { m49: '166', alpha2: 'CC', alpha3: 'CCK', unMember: false, observer: false }, // Cocos (Keeling) Islands
  { m49: '170', alpha2: 'CO', alpha3: 'COL', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Colombia
  { m49: '174', alpha2: 'KM', alpha3: 'COM', unMember: true, observer: false, group: 'african' }, // Comoros
  { m49: '175', alpha2: 'YT', alpha3: 'MYT', unMember: false, observer: false }, // Mayotte
  { m49: '178', alpha2: 'CG', alpha3: 'COG', unMember: true, observer: false, group: 'african' }, // Republic of the Congo
  { m49: '180', alpha2: 'CD', alpha3: 'COD', unMember: true, observer: false, group: 'african' }, // DR Congo
  { m49: '184', alpha2: 'CK', alpha3: 'COK', unMember: false, observer: false }, // Cook Islands
  { m49: '188', alpha2: 'CR', alpha3: 'CRI', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Costa Rica
  { m49: '191', alpha2: 'HR', alpha3: 'HRV', unMember: true, observer: false, group: 'eastern-european' }, // Croatia
  { m49: '192', alpha2: 'CU', alpha3: 'CUB', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Cuba
  { m49: '196', alpha2: 'CY', alpha3: 'CYP', unMember: true, observer: false, group: 'asia-pacific' }, // Cyprus
  { m49: '203', alpha2: 'CZ', alpha3: 'CZE', unMember: true, observer: false, group: 'eastern-european' }, // Czechia
  { m49: '204', alpha2: 'BJ', alpha3: 'BEN', unMember: true, observer: false, group: 'african' }, // Benin
  { m49: '208', alpha2: 'DK', alpha3: 'DNK', unMember: true, observer: false, group: 'western-european-other' }, // Denmark
  { m49: '212', alpha2: 'DM', alpha3: 'DMA', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Dominica
  { m49: '214', alpha2: 'DO', alpha3: 'DOM', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Dominican Republic
  { m49: '218', alpha2: 'EC', alpha3: 'ECU', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Ecuador
  { m49: '222', alpha2: 'SV', alpha3: 'SLV', unMember: true, observer: false, group: 'latin-american-caribbean' }, // El Salvador
  { m49: '226', alpha2: 'GQ', alpha3: 'GNQ', unMember: true, observer: false, group: 'african' }, // Equatorial Guinea
  { m49: '231', alpha2: 'ET', alpha3: 'ETH', unMember: true, observer: false, group: 'african' }, // Ethiopia
  { m49: '232', alpha2: 'ER', alpha3: 'ERI', unMember: true, observer: false, group: 'african' }, // Eritrea
  { m49: '233', alpha2: 'EE', alpha3: 'EST', unMember: true, observer: false, group: 'eastern-european' }, // Estonia
  { m49: '234', alpha2: 'FO', alpha3: 'FRO', unMember: false, observer: false }, // Faroe Islands
  { m49: '238', alpha2: 'FK', alpha3: 'FLK', unMember: false, observer: false }, // Falkland Islands
  { m49: '239', alpha2: 'GS', alpha3: 'SGS', unMember: false, observer: false }, // South Georgia
  { m49: '242', alpha2: 'FJ', alpha3: 'FJI', unMember: true, observer: false, group: 'asia-pacific' }, // Fiji
  { m49: '246', alpha2: 'FI', alpha3: 'FIN', unMember: true, observer: false, group: 'western-european-other' }, // Finland
  { m49: '248', alpha2: 'AX', alpha3: 'ALA', unMember: false, observer: false }, // Åland Islands
  { m49: '250', alpha2: 'FR', alpha3: 'FRA', unMember: true, observer: false, group: 'western-european-other' }, // France
  { m49: '254', alpha2: 'GF', alpha3: 'GUF', unMember: false, observer: false }, // French Guiana
  { m49: '258', alpha2: 'PF', alpha3: 'PYF', unMember: false, observer: false }, // French Polynesia
  { m49: '260', alpha2: 'TF', alpha3: 'ATF', unMember: false, observer: false }, // French Southern and Antarctic Lands
  { m49: '262', alpha2: 'DJ', alpha3: 'DJI', unMember: true, observer: false, group: 'african' }, // Djibouti
  { m49: '266', alpha2: 'GA', alpha3: 'GAB', unMember: true, observer: false, group: 'african' }, // Gabon
  { m49: '268', alpha2: 'GE', alpha3: 'GEO', unMember: true, observer: false, group: 'eastern-european' }, // Georgia
  { m49: '270', alpha2: 'GM', alpha3: 'GMB', unMember: true, observer: false, group: 'african' }, // Gambia
  { m49: '275', alpha2: 'PS', alpha3: 'PSE', unMember: false, observer: true, groupNote: 'Observer State; a full member of the Asia-Pacific Group (since 1986) but not counted among its Member States.' }, // State of Palestine
  { m49: '276', alpha2: 'DE', alpha3: 'DEU', unMember: true, observer: false, group: 'western-european-other' }, // Germany
  { m49: '288', alpha2: 'GH', alpha3: 'GHA', unMember: true, observer: false, group: 'african' }, // Ghana
  { m49: '292', alpha2: 'GI', alpha3: 'GIB', unMember: false, observer: false }, // Gibraltar
  { m49: '296', alpha2: 'KI', alpha3: 'KIR', unMember: true, observer: false, group: 'asia-pacific', groupNote: 'Listed in the Asia-Pacific Group; for some years after joining the UN (1999) it belonged to no group.' }, // Kiribati
  { m49: '300', alpha2: 'GR', alpha3: 'GRC', unMember: true, observer: false, group: 'western-european-other' }, // Greece
  { m49: '304', alpha2: 'GL', alpha3: 'GRL', unMember: false, observer: false }, // Greenland
  { m49: '308', alpha2: 'GD', alpha3: 'GRD', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Grenada
  { m49: '312', alpha2: 'GP', alpha3: 'GLP', unMember: false, observer: false }, // Guadeloupe
  { m49: '316', alpha2: 'GU', alpha3: 'GUM', unMember: false, observer: false }, // Guam
  { m49: '320', alpha2: 'GT', alpha3: 'GTM', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Guatemala
  { m49: '324', alpha2: 'GN', alpha3: 'GIN', unMember: true, observer: false, group: 'african' }, // Guinea
  { m49: '328', alpha2: 'GY', alpha3: 'GUY', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Guyana
  { m49: '332', alpha2: 'HT', alpha3: 'HTI', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Haiti
  { m49: '334', alpha2: 'HM', alpha3: 'HMD', unMember: false, observer: false }, // Heard Island and McDonald Islands
  { m49: '336', alpha2: 'VA', alpha3: 'VAT', unMember: false, observer: true }, // Holy See (Vatican City)
  { m49: '340', alpha2: 'HN', alpha3: 'HND', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Honduras
  { m49: '344', alpha2: 'HK', alpha3: 'HKG', unMember: false, observer: false }, // Hong Kong
  { m49: '348', alpha2: 'HU', alpha3: 'HUN', unMember: true, observer: false, group: 'eastern-european' }, // Hungary
  { m49: '352', alpha2: 'IS', alpha3: 'ISL', unMember: true, observer: false, group: 'western-european-other' }, // Iceland
  { m49: '356', alpha2: 'IN', alpha3: 'IND', unMember: true, observer: false, group: 'asia-pacific' }, // India
  { m49: '360', alpha2: 'ID', alpha3: 'IDN', unMember: true, observer: false, group: 'asia-pacific' }, // Indonesia
  { m49: '364', alpha2: 'IR', alpha3: 'IRN', unMember: true, observer: false, group: 'asia-pacific' }, // Iran
  { m49: '368', alpha2: 'IQ', alpha3: 'IRQ', unMember: true, observer: false, group: 'asia-pacific' }, // Iraq
  { m49: '372', alpha2: 'IE', alpha3: 'IRL', unMember: true, observer: false, group: 'western-european-other' }, // Ireland
  { m49: '376', alpha2: 'IL', alpha3: 'ISR', unMember: true, observer: false, group: 'western-european-other', groupNote: 'Full member of WEOG since 2000 (admitted on a temporary basis, since renewed); in no group before.' }, // Israel
  { m49: '380', alpha2: 'IT', alpha3: 'ITA', unMember: true, observer: false, group: 'western-european-other' }, // Italy
  { m49: '384', alpha2: 'CI', alpha3: 'CIV', unMember: true, observer: false, group: 'african' }, // Ivory Coast
  { m49: '388', alpha2: 'JM', alpha3: 'JAM', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Jamaica
  { m49: '392', alpha2: 'JP', alpha3: 'JPN', unMember: true, observer: false, group: 'asia-pacific' }, // Japan
  { m49: '398', alpha2: 'KZ', alpha3: 'KAZ', unMember: true, observer: false, group: 'asia-pacific' }, // Kazakhstan
  { m49: '400', alpha2: 'JO', alpha3: 'JOR', unMember: true, observer: false, group: 'asia-pacific' }, // Jordan
  { m49: '404', alpha2: 'KE', alpha3: 'KEN', unMember: true, observer: false, group: 'african' }, // Kenya
  { m49: '408', alpha2: 'KP', alpha3: 'PRK', unMember: true, observer: false, group: 'asia-pacific' }, // North Korea
  { m49: '410', alpha2: 'KR', alpha3: 'KOR', unMember: true, observer: false, group: 'asia-pacific' }, // South Korea
  { m49: '414', alpha2: 'KW', alpha3: 'KWT', unMember: true, observer: false, group: 'asia-pacific' }, // Kuwait
  { m49: '417', alpha2: 'KG', alpha3: 'KGZ', unMember: true, observer: false, group: 'asia-pacific' }, // Kyrgyzstan
  { m49: '418', alpha2: 'LA', alpha3: 'LAO', unMember: true, observer: false, group: 'asia-pacific' }, // Laos
  { m49: '422', alpha2: 'LB', alpha3: 'LBN', unMember: true, observer: false, group: 'asia-pacific' }, // Lebanon
  { m49: '426', alpha2: 'LS', alpha3: 'LSO', unMember: true, observer: false, group: 'african' }, // Lesotho
  { m49: '428', alpha2: 'LV', alpha3: 'LVA', unMember: true, observer: false, group: 'eastern-european' }, // Latvia
  { m49: '430', alpha2: 'LR', alpha3: 'LBR', unMember: true, observer: false, group: 'african' }, // Liberia
  { m49: '434', alpha2: 'LY', alpha3: 'LBY', unMember: true, observer: false, group: 'african' }, // Libya
  { m49: '438', alpha2: 'LI', alpha3: 'LIE', unMember: true, observer: false, group: 'western-european-other' }, // Liechtenstein
  { m49: '440', alpha2: 'LT', alpha3: 'LTU', unMember: true, observer: false, group: 'eastern-european' }, // Lithuania
  { m49: '442', alpha2: 'LU', alpha3: 'LUX', unMember: true, observer: false, group: 'western-european-other' }, // Luxembourg
  { m49: '446', alpha2: 'MO', alpha3: 'MAC', unMember: false, observer: false }, // Macau
  { m49: '450', alpha2: 'MG', alpha3: 'MDG', unMember: true, observer: false, group: 'african' }, // Madagascar
  { m49: '454', alpha2: 'MW', alpha3: 'MWI', unMember: true, observer: false, group: 'african' }, // Malawi
  { m49: '458', alpha2: 'MY', alpha3: 'MYS', unMember: true, observer: false, group: 'asia-pacific' }, // Malaysia
  { m49: '462', alpha2: 'MV', alpha3: 'MDV', unMember: true, observer: false, group: 'asia-pacific' }, // Maldives
  { m49: '466', alpha2: 'ML', alpha3: 'MLI', unMember: true, observer: false, group: 'african' }, // Mali
  { m49: '470', alpha2: 'MT', alpha3: 'MLT', unMember: true, observer: false, group: 'western-european-other' }, // Malta
  { m49: '474', alpha2: 'MQ', alpha3: 'MTQ', unMember: false, observer: false }, // Martinique
  { m49: '478', alpha2: 'MR', alpha3: 'MRT', unMember: true, observer: false, group: 'african' }, // Mauritania
  { m49: '480', alpha2: 'MU', alpha3: 'MUS', unMember: true, observer: false, group: 'african' }, // Mauritius
  { m49: '484', alpha2: 'MX', alpha3: 'MEX', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Mexico
  { m49: '492', alpha2: 'MC', alpha3: 'MCO', unMember: true, observer: false, group: 'western-european-other' }, // Monaco
  { m49: '496', alpha2: 'MN', alpha3: 'MNG', unMember: true, observer: false, group: 'asia-pacific' }, // Mongolia
  { m49: '498', alpha2: 'MD', alpha3: 'MDA', unMember: true, observer: false, group: 'eastern-european' }, // Moldova
  { m49: '499', alpha2: 'ME', alpha3: 'MNE', unMember: true, observer: false, group: 'eastern-european' }, // Montenegro
  { m49: '500', alpha2: 'MS', alpha3: 'MSR', unMember: false, observer: false }, // Montserrat
  { m49: '504', alpha2: 'MA', alpha3: 'MAR', unMember: true, observer: false, group: 'african' }, // Morocco
  { m49: '508', alpha2: 'MZ', alpha3: 'MOZ', unMember: true, observer: false, group: 'african' }, // Mozambique
  { m49: '512', alpha2: 'OM', alpha3: 'OMN', unMember: true, observer: false, group: 'asia-pacific' }, // Oman
  { m49: '516', alpha2: 'NA', alpha3: 'NAM', unMember: true, observer: false, group: 'african' }, // Namibia
  { m49: '520', alpha2: 'NR', alpha3: 'NRU', unMember: true, observer: false, group: 'asia-pacific' }, // Nauru
  { m49: '524', alpha2: 'NP', alpha3: 'NPL', unMember: true, observer: false, group: 'asia-pacific' }, // Nepal
  { m49: '528', alpha2: 'NL', alpha3: 'NLD', unMember: true, observer: false, group: 'western-european-other' }, // Netherlands
  { m49: '531', alpha2: 'CW', alpha3: 'CUW', unMember: false, observer: false }, // Curaçao
  { m49: '533', alpha2: 'AW', alpha3: 'ABW', unMember: false, observer: false }, // Aruba
  { m49: '534', alpha2: 'SX', alpha3: 'SXM', unMember: false, observer: false }, // Sint Maarten
  { m49: '535', alpha2: 'BQ', alpha3: 'BES', unMember: false, observer: false }, // Caribbean Netherlands
  { m49: '540', alpha2: 'NC', alpha3: 'NCL', unMember: false, observer: false }, // New Caledonia
  { m49: '548', alpha2: 'VU', alpha3: 'VUT', unMember: true, observer: false, group: 'asia-pacific' }, // Vanuatu
  { m49: '554', alpha2: 'NZ', alpha3: 'NZL', unMember: true, observer: false, group: 'western-european-other' }, // New Zealand
  { m49: '558', alpha2: 'NI', alpha3: 'NIC', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Nicaragua
  { m49: '562', alpha2: 'NE', alpha3: 'NER', unMember: true, observer: false, group: 'african' }, // Niger
  { m49: '566', alpha2: 'NG', alpha3: 'NGA', unMember: true, observer: false, group: 'african' }, // Nigeria
  { m49: '570', alpha2: 'NU', alpha3: 'NIU', unMember: false, observer: false }, // Niue
  { m49: '574', alpha2: 'NF', alpha3: 'NFK', unMember: false, observer: false }, // Norfolk Island
  { m49: '578', alpha2: 'NO', alpha3: 'NOR', unMember: true, observer: false, group: 'western-european-other' }, // Norway
  { m49: '580', alpha2: 'MP', alpha3: 'MNP', unMember: false, observer: false }, // Northern Mariana Islands
  { m49: '581', alpha2: 'UM', alpha3: 'UMI', unMember: false, observer: false }, // United States Minor Outlying Islands
  { m49: '583', alpha2: 'FM', alpha3: 'FSM', unMember: true, observer: false, group: 'asia-pacific' }, // Micronesia
  { m49: '584', alpha2: 'MH', alpha3: 'MHL', unMember: true, observer: false, group: 'asia-pacific' }, // Marshall Islands
  { m49: '585', alpha2: 'PW', alpha3: 'PLW', unMember: true, observer: false, group: 'asia-pacific' }, // Palau
  { m49: '586', alpha2: 'PK', alpha3: 'PAK', unMember: true, observer: false, group: 'asia-pacific' }, // Pakistan
  { m49: '591', alpha2: 'PA', alpha3: 'PAN', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Panama
  { m49: '598', alpha2: 'PG', alpha3: 'PNG', unMember: true, observer: false, group: 'asia-pacific' }, // Papua New Guinea
  { m49: '600', alpha2: 'PY', alpha3: 'PRY', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Paraguay
  { m49: '604', alpha2: 'PE', alpha3: 'PER', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Peru
  { m49: '608', alpha2: 'PH', alpha3: 'PHL', unMember: true, observer: false, group: 'asia-pacific' }, // Philippines
  { m49: '612', alpha2: 'PN', alpha3: 'PCN', unMember: false, observer: false }, // Pitcairn Islands
  { m49: '616', alpha2: 'PL', alpha3: 'POL', unMember: true, observer: false, group: 'eastern-european' }, // Poland
  { m49: '620', alpha2: 'PT', alpha3: 'PRT', unMember: true, observer: false, group: 'western-european-other' }, // Portugal
  { m49: '624', alpha2: 'GW', alpha3: 'GNB', unMember: true, observer: false, group: 'african' }, // Guinea-Bissau
  { m49: '626', alpha2: 'TL', alpha3: 'TLS', unMember: true, observer: false, group: 'asia-pacific' }, // Timor-Leste
  { m49: '630', alpha2: 'PR', alpha3: 'PRI', unMember: false, observer: false }, // Puerto Rico
  { m49: '634', alpha2: 'QA', alpha3: 'QAT', unMember: true, observer: false, group: 'asia-pacific' }, // Qatar
  { m49: '638', alpha2: 'RE', alpha3: 'REU', unMember: false, observer: false }, // Réunion
  { m49: '642', alpha2: 'RO', alpha3: 'ROU', unMember: true, observer: false, group: 'eastern-european' }, // Romania
  { m49: '643', alpha2: 'RU', alpha3: 'RUS', unMember: true, observer: false, group: 'eastern-european' }, // Russia
  { m49: '646', alpha2: 'RW', alpha3: 'RWA', unMember: true, observer: false, group: 'african' }, // Rwanda
  { m49: '652', alpha2: 'BL', alpha3: 'BLM', unMember: false, observer: false }, // Saint Barthélemy
  { m49: '654', alpha2: 'SH', alpha3: 'SHN', unMember: false, observer: false }, // Saint Helena, Ascension and Tristan da Cunha
  { m49: '659', alpha2: 'KN', alpha3: 'KNA', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Saint Kitts and Nevis
  { m49: '660', alpha2: 'AI', alpha3: 'AIA', unMember: false, observer: false }, // Anguilla
  { m49: '662', alpha2: 'LC', alpha3: 'LCA', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Saint Lucia
  { m49: '663', alpha2: 'MF', alpha3: 'MAF', unMember: false, observer: false }, // Saint Martin
  { m49: '666', alpha2: 'PM', alpha3: 'SPM', unMember: false, observer: false }, // Saint Pierre and Miquelon
  { m49: '670', alpha2: 'VC', alpha3: 'VCT', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Saint Vincent and the Grenadines
  { m49: '674', alpha2: 'SM', alpha3: 'SMR', unMember: true, observer: false, group: 'western-european-other' }, // San Marino
  { m49: '678', alpha2: 'ST', alpha3: 'STP', unMember: true, observer: false, group: 'african' }, // São Tomé and Príncipe
  { m49: '682', alpha2: 'SA', alpha3: 'SAU', unMember: true, observer: false, group: 'asia-pacific' }, // Saudi Arabia
  { m49: '686', alpha2: 'SN', alpha3: 'SEN', unMember: true, observer: false, group: 'african' }, // Senegal
  { m49: '688', alpha2: 'RS', alpha3: 'SRB', unMember: true, observer: false, group: 'eastern-european' }, // Serbia
  { m49: '690', alpha2: 'SC', alpha3: 'SYC', unMember: true, observer: false, group: 'african' }, // Seychelles
  { m49: '694', alpha2: 'SL', alpha3: 'SLE', unMember: true, observer: false, group: 'african' }, // Sierra Leone
  { m49: '702', alpha2: 'SG', alpha3: 'SGP', unMember: true, observer: false, group: 'asia-pacific' }, // Singapore
  { m49: '703', alpha2: 'SK', alpha3: 'SVK', unMember: true, observer: false, group: 'eastern-european' }, // Slovakia
  { m49: '704', alpha2: 'VN', alpha3: 'VNM', unMember: true, observer: false, group: 'asia-pacific' }, // Vietnam
  { m49: '705', alpha2: 'SI', alpha3: 'SVN', unMember: true, observer: false, group: 'eastern-european' }, // Slovenia
  { m49: '706', alpha2: 'SO', alpha3: 'SOM', unMember: true, observer: false, group: 'african' }, // Somalia
  { m49: '710', alpha2: 'ZA', alpha3: 'ZAF', unMember: true, observer: false, group: 'african' }, // South Africa
  { m49: '716', alpha2: 'ZW', alpha3: 'ZWE', unMember: true, observer: false, group: 'african' }, // Zimbabwe
  { m49: '724', alpha2: 'ES', alpha3: 'ESP', unMember: true, observer: false, group: 'western-european-other' }, // Spain
  { m49: '728', alpha2: 'SS', alpha3: 'SSD', unMember: true, observer: false, group: 'african' }, // South Sudan
  { m49: '729', alpha2: 'SD', alpha3: 'SDN', unMember: true, observer: false, group: 'african' }, // Sudan
  { m49: '732', alpha2: 'EH', alpha3: 'ESH', unMember: false, observer: false }, // Western Sahara
  { m49: '740', alpha2: 'SR', alpha3: 'SUR', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Suriname
  { m49: '744', alpha2: 'SJ', alpha3: 'SJM', unMember: false, observer: false }, // Svalbard and Jan Mayen
  { m49: '748', alpha2: 'SZ', alpha3: 'SWZ', unMember: true, observer: false, group: 'african' }, // Eswatini
  { m49: '752', alpha2: 'SE', alpha3: 'SWE', unMember: true, observer: false, group: 'western-european-other' }, // Sweden
  { m49: '756', alpha2: 'CH', alpha3: 'CHE', unMember: true, observer: false, group: 'western-european-other' }, // Switzerland
  { m49: '760', alpha2: 'SY', alpha3: 'SYR', unMember: true, observer: false, group: 'asia-pacific' }, // Syria
  { m49: '762', alpha2: 'TJ', alpha3: 'TJK', unMember: true, observer: false, group: 'asia-pacific' }, // Tajikistan
  { m49: '764', alpha2: 'TH', alpha3: 'THA', unMember: true, observer: false, group: 'asia-pacific' }, // Thailand
  { m49: '768', alpha2: 'TG', alpha3: 'TGO', unMember: true, observer: false, group: 'african' }, // Togo
  { m49: '772', alpha2: 'TK', alpha3: 'TKL', unMember: false, observer: false }, // Tokelau
  { m49: '776', alpha2: 'TO', alpha3: 'TON', unMember: true, observer: false, group: 'asia-pacific' }, // Tonga
  { m49: '780', alpha2: 'TT', alpha3: 'TTO', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Trinidad and Tobago
  { m49: '784', alpha2: 'AE', alpha3: 'ARE', unMember: true, observer: false, group: 'asia-pacific' }, // United Arab Emirates
  { m49: '788', alpha2: 'TN', alpha3: 'TUN', unMember: true, observer: false, group: 'african' }, // Tunisia
  { m49: '792', alpha2: 'TR', alpha3: 'TUR', unMember: true, observer: false, group: 'western-european-other', groupNote: 'Participates fully in both WEOG and the Asia-Pacific Group; for electoral purposes counted in WEOG only.' }, // Türkiye
  { m49: '795', alpha2: 'TM', alpha3: 'TKM', unMember: true, observer: false, group: 'asia-pacific' }, // Turkmenistan
  { m49: '796', alpha2: 'TC', alpha3: 'TCA', unMember: false, observer: false }, // Turks and Caicos Islands
  { m49: '798', alpha2: 'TV', alpha3: 'TUV', unMember: true, observer: false, group: 'asia-pacific' }, // Tuvalu
  { m49: '800', alpha2: 'UG', alpha3: 'UGA', unMember: true, observer: false, group: 'african' }, // Uganda
  { m49: '804', alpha2: 'UA', alpha3: 'UKR', unMember: true, observer: false, group: 'eastern-european' }, // Ukraine
  { m49: '807', alpha2: 'MK', alpha3: 'MKD', unMember: true, observer: false, group: 'eastern-european' }, // North Macedonia
  { m49: '818', alpha2: 'EG', alpha3: 'EGY', unMember: true, observer: false, group: 'african' }, // Egypt
  { m49: '826', alpha2: 'GB', alpha3: 'GBR', unMember: true, observer: false, group: 'western-european-other' }, // United Kingdom
  { m49: '831', alpha2: 'GG', alpha3: 'GGY', unMember: false, observer: false }, // Guernsey
  { m49: '832', alpha2: 'JE', alpha3: 'JEY', unMember: false, observer: false }, // Jersey
  { m49: '833', alpha2: 'IM', alpha3: 'IMN', unMember: false, observer: false }, // Isle of Man
  { m49: '834', alpha2: 'TZ', alpha3: 'TZA', unMember: true, observer: false, group: 'african' }, // Tanzania
  { m49: '840', alpha2: 'US', alpha3: 'USA', unMember: true, observer: false, group: 'western-european-other', groupNote: 'Not a member of any regional group; attends WEOG meetings as an observer and is counted with WEOG for electoral purposes.' }, // United States
  { m49: '850', alpha2: 'VI', alpha3: 'VIR', unMember: false, observer: false }, // United States Virgin Islands
  { m49: '854', alpha2: 'BF', alpha3: 'BFA', unMember: true, observer: false, group: 'african' }, // Burkina Faso
  { m49: '858', alpha2: 'UY', alpha3: 'URY', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Uruguay
  { m49: '860', alpha2: 'UZ', alpha3: 'UZB', unMember: true, observer: false, group: 'asia-pacific' }, // Uzbekistan
  { m49: '862', alpha2: 'VE', alpha3: 'VEN', unMember: true, observer: false, group: 'latin-american-caribbean' }, // Venezuela
  { m49: '876', alpha2: 'WF', alpha3: 'WLF', unMember: false, observer: false }, // Wallis and Futuna
  { m49: '882', alpha2: 'WS', alpha3: 'WSM', unMember: true, observer: false, group: 'asia-pacific' }, // Samoa
  { m49: '887', alpha2: 'YE', alpha3: 'YEM', unMember: true, observer: false, group: 'asia-pacific' }, // Yemen
  { m49: '894', alpha2: 'ZM', alpha3: 'ZMB', unMember: true, observer: false, group: 'african' }, // Zambia
];
