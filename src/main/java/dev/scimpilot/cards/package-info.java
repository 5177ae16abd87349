/**
 * Adaptive Cards for Teams: {@link dev.scimpilot.cards.CardTemplates} expands the templates in {@code cards/}
 * with one data record per card ({@code HelpCard}, {@code RunPlanCard}, ...), through an engine that gives
 * exactly what Microsoft's {@code adaptivecards-templating} 2.3.1 gives (see {@code cards/README.md}).
 */
package dev.scimpilot.cards;
