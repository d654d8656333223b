# Golden values for the least-squares Gestalt battery on a public survey with a rating outcome:
# test/corpus/heldout/air-france-satisfaction-head300.csv (provenance in that folder's README),
# overall = note_globale, six touchpoint scores 1.0-10.0 (fractions allowed, neutral 5.5) in the
# journey order below (the file records none; the order is ours). Same battery as generate.R.
# Run from the project root: Rscript test/golden/gestalt/air-france.R
suppressPackageStartupMessages({ library(jsonlite); library(psych); library(relaimpo); library(ordinal) })
source("test/golden/gestalt/helpers.R")

af <- read.csv("test/corpus/heldout/air-france-satisfaction-head300.csv", sep = ";", encoding = "UTF-8")
journey <- c("note_enregistrement", "note_ponctualite", "note_confort", "note_equipage", "note_repas", "note_divertissement")
out <- list(
  cases = list(`air-france` = battery(as.matrix(af[, journey]), af$note_globale, 5.5)),
  journey = I(journey),
  producer = paste(R.version.string, "| psych", packageVersion("psych"), "| relaimpo", packageVersion("relaimpo"), "| jsonlite", packageVersion("jsonlite"))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "test/golden/gestalt/air-france.json")
