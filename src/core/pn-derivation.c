/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-derivation"

#include "config.h"

#include "pn-core-private.h"
#include "pn-derivation.h"
#include "pn-citation.h"
#include "pn-money.h"

/* Each step is written as the English and the Chinese clause it has
 * always had: the brief, the JSON and the window quote these sentences.
 * English gives yuan ("¥12,000,000"), Chinese 万元 ("1,200万元"). */

const char *
pn_derivation_figure_label (PnTaxonomy *taxonomy,
                            PnFigure    figure,
                            PnLang      lang)
{
  const PnTerm *term;

  g_return_val_if_fail (taxonomy != NULL, NULL);

  term = pn_taxonomy_get_term (taxonomy, "figure", pn_figure_to_string (figure));
  if (term == NULL)
    return pn_figure_to_string (figure);
  return lang == PN_LANG_ZH ? term->zh : term->en;
}

static char *
money (gint64  yuan,
       PnLang  lang)
{
  return lang == PN_LANG_ZH ? pn_money_format_wan (yuan) : pn_money_format_yuan (yuan);
}

static void
write_threshold (GString                *out,
                 const PnDerivationStep *step,
                 PnTaxonomy             *taxonomy,
                 PnLang                  lang)
{
  gboolean zh = lang == PN_LANG_ZH;
  const char *label = pn_derivation_figure_label (taxonomy, step->figure, lang);
  const char *op = zh ? (step->inclusive ? "达到" : "超过") : (step->inclusive ? "≥" : ">");
  g_autofree char *min = money (step->amount, lang);
  g_autofree char *value = step->value != PN_YUAN_UNSET ? money (step->value, lang) : NULL;

  switch (step->kind)
    {
    case PN_DERIVATION_THRESHOLD_MISSING:
      if (zh)
        pn_string_append_template (out, "需提供%s（门槛%s%s）", label, op, min);
      else
        pn_string_append_template (out, "Needs %s (threshold %s %s)", label, op, min);
      break;
    case PN_DERIVATION_THRESHOLD_BELOW:
      if (zh)
        pn_string_append_template (out, "%s%s未达到门槛（%s%s）", label, value, op, min);
      else
        pn_string_append_template (out, "%s %s does not meet the threshold (%s %s)", label, value, op, min);
      break;
    default:
      if (zh)
        pn_string_append_template (out, "%s%s%s门槛%s；", label, value, op, min);
      else
        pn_string_append_template (out, "%s %s %s %s; ", label, value, op, min);
      break;
    }
}

static void
write_rate (GString                *out,
            const PnDerivationStep *step,
            PnTaxonomy             *taxonomy,
            PnLang                  lang)
{
  const char *label = pn_derivation_figure_label (taxonomy, step->figure, lang);
  g_autofree char *rate = pn_money_format_rate (step->rate);
  g_autofree char *value = money (step->value, lang);
  g_autofree char *result = money (step->result, lang);

  if (step->kind == PN_DERIVATION_RATE_UP_TO && lang == PN_LANG_ZH)
    pn_string_append_template (out, "%s%s × 最高%s = %s（按原文最高比例计算的上限）",
                            label, value, rate, result);
  else if (step->kind == PN_DERIVATION_RATE_UP_TO)
    /* no "; " or "，" inside: the window makes a step of each clause */
    pn_string_append_template (out, "at most %s × %s %s = %s (at the text's highest rate: the actual "
                            "rate may be lower)", rate, label, value, result);
  else if (lang == PN_LANG_ZH)
    pn_string_append_template (out, "%s%s × %s = %s", label, value, rate, result);
  else
    pn_string_append_template (out, "%s × %s %s = %s", rate, label, value, result);
}

static void
write_cap (GString                *out,
           const PnDerivationStep *step,
           PnLang                  lang)
{
  g_autofree char *cap = money (step->amount, lang);
  gboolean zh = lang == PN_LANG_ZH;

  if (step->kind == PN_DERIVATION_CAPPED)
    pn_string_append_template (out, zh ? "，超过上限，按上限%s计" : "; capped at %s", cap);
  else if (step->kind == PN_DERIVATION_CAP_REACHED)
    pn_string_append_template (out, zh ? "，恰为上限%s" : "; exactly the cap of %s", cap);
  else
    pn_string_append_template (out, zh ? "，未超过上限%s" : "; cap %s not reached", cap);
}

static void
write_limit (GString                *out,
             const PnDerivationStep *step,
             PnTaxonomy             *taxonomy,
             PnLang                  lang)
{
  const char *limit = pn_derivation_figure_label (taxonomy, step->other, lang);

  if (step->kind == PN_DERIVATION_LIMIT_MISSING)
    {
      if (lang == PN_LANG_ZH)
        pn_string_append_template (out, "；资助总额不得超过%s（未提供）", limit);
      else
        pn_string_append_template (out, "; the award plus %s may not exceed %s (not given)",
                                pn_derivation_figure_label (taxonomy, step->figure, lang), limit);
    }
  else
    {
      g_autofree char *limit_value = money (step->amount, lang);
      g_autofree char *room = money (step->result, lang);

      if (lang == PN_LANG_ZH)
        pn_string_append_template (out, "；资助总额不超过%s%s，本项最多%s", limit, limit_value, room);
      else
        {
          g_autofree char *value = money (step->value, lang);

          pn_string_append_template (out, "; limited by %s %s − %s = %s", limit, limit_value, value, room);
        }
    }
}

static void
write_target (GString                *out,
              const PnDerivationStep *step,
              PnLang                  lang)
{
  gboolean zh = lang == PN_LANG_ZH;
  g_autofree char *citation = step->target != NULL ? pn_citation_format (step->target->article, lang) : NULL;
  g_autofree char *award = step->amount != PN_YUAN_UNSET ? money (step->amount, lang) : NULL;
  g_autofree char *result = money (step->result, lang);

  switch (step->kind)
    {
    case PN_DERIVATION_MINUS_LAPSED:
      if (zh)
        pn_string_append_template (out, "；减去被补足的奖励（%s）%s，补足%s：该奖励在该日期不在有效期内，"
                                "但补足额仍只为其差额", citation, award, result);
      else
        /* not "… (task 11) ¥9,000,000 = ¥3,000,000", which read as ¥9M = ¥3M */
        pn_string_append_template (out, "; less the %s the award it tops up gives (%s), leaving %s: that "
                                "award is not in force on this date, but the top-up adds only the "
                                "difference over it", award, citation, result);
      break;
    case PN_DERIVATION_MINUS_TARGET:
      if (zh)
        pn_string_append_template (out, "；减去被补足的奖励（%s）%s，补足%s", citation, award, result);
      else
        pn_string_append_template (out, "; less the %s the award it tops up gives (%s), leaving %s",
                                award, citation, result);
      break;
    case PN_DERIVATION_LAPSED_KEPT:
      if (zh)
        pn_string_append_template (out, "；被补足的奖励（%s）在该日期不在有效期内，不予扣减：%s",
                                citation, result);
      else
        pn_string_append_template (out, "; the award it tops up (%s) is not in force on this date "
                                "and is not deducted: %s", citation, result);
      break;
    default:
      pn_string_append_template (out, zh ? "；无可扣减的上级奖励：%s"
                                      : "; no higher-level award applies to deduct: %s", result);
      break;
    }
}

char *
pn_derivation_write (const GArray *steps,
                     PnTaxonomy   *taxonomy,
                     PnLang        lang)
{
  GString *out = g_string_new (NULL);
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (steps != NULL, NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const PnDerivationStep *step = &g_array_index (steps, PnDerivationStep, i);
      g_autofree char *amount = step->amount != PN_YUAN_UNSET ? money (step->amount, lang) : NULL;

      switch (step->kind)
        {
        case PN_DERIVATION_NON_MONETARY:
          g_string_append (out, zh ? "非资金支持" : "Non-monetary support");
          break;
        case PN_DERIVATION_NO_AMOUNT:
          g_string_append (out, zh ? "原文未规定金额" : "The text states no amount");
          if (amount != NULL)
            pn_string_append_template (out, zh ? "，最高%s" : "; at most %s", amount);
          break;
        case PN_DERIVATION_RATE_NO_BASE:
          {
            g_autofree char *rate = pn_money_format_rate (step->rate);

            pn_string_append_template (out, zh ? "按%s计算，其计算基数没有对应的问题，无法估算"
                                               : "%s of a figure no question asks for: no estimate", rate);
            if (amount != NULL)
              pn_string_append_template (out, zh ? "，最高%s" : "; at most %s", amount);
          }
          break;
        case PN_DERIVATION_THRESHOLD_MISSING:
        case PN_DERIVATION_THRESHOLD_BELOW:
        case PN_DERIVATION_THRESHOLD_MET:
          write_threshold (out, step, taxonomy, lang);
          break;
        case PN_DERIVATION_FIXED:
          pn_string_append_template (out, zh ? "定额奖励%s" : "fixed award %s", amount);
          break;
        case PN_DERIVATION_UP_TO:
          pn_string_append_template (out, zh ? "最高奖励%s，按上限计，实际金额可能更低"
                                          : "award of up to %s, estimated at that ceiling; the actual "
                                            "award may be lower", amount);
          break;
        case PN_DERIVATION_BASE_MISSING:
          {
            g_autofree char *label = g_strdup (pn_derivation_figure_label (taxonomy, step->figure, lang));

            /* "Needs new contract amount", not "Needs New contract…"; an
             * acronym keeps its capitals ("R&D investment") */
            if (!zh && label != NULL && g_ascii_isupper (label[0]) && g_ascii_islower (label[1]))
              label[0] = g_ascii_tolower (label[0]);
            pn_string_append_template (out, zh ? "需提供%s" : "Needs %s", label);
          }
          if (amount != NULL)
            pn_string_append_template (out, zh ? "，最高%s" : "; up to %s", amount);
          break;
        case PN_DERIVATION_RATE:
        case PN_DERIVATION_RATE_UP_TO:
          write_rate (out, step, taxonomy, lang);
          break;
        case PN_DERIVATION_CAPPED:
        case PN_DERIVATION_CAP_REACHED:
        case PN_DERIVATION_CAP_NOT_REACHED:
          write_cap (out, step, lang);
          break;
        case PN_DERIVATION_LIMIT_MISSING:
        case PN_DERIVATION_LIMIT:
          write_limit (out, step, taxonomy, lang);
          break;
        case PN_DERIVATION_TOP_UP_TO:
          pn_string_append_template (out, zh ? "补足至%s" : "top-up to %s", amount);
          break;
        case PN_DERIVATION_TARGET_MISSING:
          g_string_append (out, zh ? "；被补足的奖励缺少所需金额" : "; the award it tops up needs a figure");
          break;
        case PN_DERIVATION_TARGET_UNKNOWN:
          g_string_append (out, zh ? "；被补足的奖励不在已收录的政策文件中，补足金额无法计算，未计入"
                                   : "; the award it tops up is in no stored policy document, so what it "
                                     "adds cannot be worked out: not counted");
          break;
        case PN_DERIVATION_MINUS_TARGET:
        case PN_DERIVATION_MINUS_LAPSED:
        case PN_DERIVATION_LAPSED_KEPT:
        case PN_DERIVATION_NO_TARGET:
          write_target (out, step, lang);
          break;
        }
    }

  return g_string_free (out, FALSE);
}
