package tests

const fixtureToken = "{{ghp}}"
