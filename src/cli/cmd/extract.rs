//! `claimcheck extract`: print each article's time expressions, quantities and claims.
//!
//! `--format jsonl` is the contract of DESIGN.md: one article a line,
//! `{"id", "published", "times": [{"start", "end", "text", "type", "value", "anchor", ...}],
//! "quantities": [...], "claims": [...]}`, with byte offsets into the article text.

use claimcheck::input::Article;
use claimcheck::pipeline::{Analysis, Analyzer, parallel};
use serde_json::{Value, json};

use crate::cli::args::{ExtractArgs, ExtractFormat};
use crate::cli::{Status, error, load_articles, print, rule_files};

pub(crate) fn run(args: &ExtractArgs) -> Status {
    let analyzer = match rule_files(&args.input.rules).and_then(|files| Analyzer::new(&files)) {
        Ok(analyzer) => analyzer,
        Err(errors) => {
            errors.iter().for_each(error);
            return Status::Error;
        }
    };
    let (articles, input_failed) = load_articles(&args.input);
    let threads = parallel::threads(args.input.threads);
    let mut out = String::new();
    let mut all = Vec::new();
    // A few hundred analyses at a time are in memory, not the whole corpus's.
    for chunk in articles.chunks(ARTICLES_AT_ONCE) {
        let analyses = parallel::map_in_order(chunk, threads, |a| analyzer.analyze(a), |_| {});
        for (article, analysis) in chunk.iter().zip(&analyses) {
            write_article(args.format, article, analysis, &mut out, &mut all);
        }
    }
    if args.format == ExtractFormat::Json {
        out = serde_json::to_string_pretty(&all).unwrap_or_default() + "\n";
    }
    print(&out);
    if input_failed {
        Status::Error
    } else {
        Status::Clean
    }
}

/// How many articles are analyzed together before their output is written.
const ARTICLES_AT_ONCE: usize = 256;

/// One article's output: a line of `out`, or a value of `all` for the JSON array.
fn write_article(
    format: ExtractFormat,
    article: &Article,
    analysis: &Analysis,
    out: &mut String,
    all: &mut Vec<Value>,
) {
    let value = to_json(article, analysis);
    match format {
        ExtractFormat::Jsonl => {
            out.push_str(&value.to_string());
            out.push('\n');
        }
        ExtractFormat::Json => all.push(value),
        ExtractFormat::Text => out.push_str(&to_text(article, analysis)),
    }
}

/// One article as the `extract` JSON object.
fn to_json(article: &Article, analysis: &Analysis) -> Value {
    let text = article.text.as_str();
    let times: Vec<Value> = analysis
        .times
        .iter()
        .map(|t| {
            let mut value = json!({
                "start": t.span.start,
                "end": t.span.end,
                "text": t.span.slice(text),
                "type": t.kind.as_str(),
                "value": t.value,
                "anchor": t.anchor.name(),
            });
            if let Some(m) = t
                .bound
                .timeml_mod()
                .map(str::to_string)
                .or_else(|| t.modifier.clone())
            {
                value["mod"] = json!(m);
            }
            if let Some(interval) = t.interval {
                value["interval"] = json!({
                    "start": interval.start.to_string(),
                    "end": interval.end.to_string(),
                    "precision": interval.precision.as_str(),
                });
            }
            if t.inferred {
                value["inferred"] = json!(true);
            }
            value
        })
        .collect();
    let quantities: Vec<Value> = analysis
        .quantities
        .iter()
        .map(|q| {
            json!({
                "start": q.span.start,
                "end": q.span.end,
                "text": q.span.slice(text),
                "value": q.value,
                "bound": q.bound,
                "low": q.low,
                "high": if q.high.is_finite() { json!(q.high) } else { Value::Null },
                "unit": q.unit,
            })
        })
        .collect();
    json!({
        "id": article.id,
        "published": article.meta.published.map(|p| p.to_string()),
        "times": times,
        "quantities": quantities,
        "claims": analysis.claims,
    })
}

/// One article as readable text.
fn to_text(article: &Article, analysis: &Analysis) -> String {
    let text = article.text.as_str();
    let mut out = format!("{} ({})\n", article.id, article.origin);
    if let Some(published) = article.meta.published {
        out.push_str(&format!("  published {published}\n"));
    }
    out.push_str("  times:\n");
    for t in &analysis.times {
        out.push_str(&format!(
            "    {:>6}..{:<6} {:<28} {:<8} {}{}\n",
            t.span.start,
            t.span.end,
            format!("{:?}", t.span.slice(text)),
            t.kind.as_str(),
            t.value,
            t.interval.map_or(String::new(), |i| format!("  [{i}]")),
        ));
    }
    out.push_str("  claims:\n");
    for c in &analysis.claims {
        let participants = c.participant_ids().join(", ");
        let time = c.time.as_ref().map_or(String::new(), |t| {
            format!(
                " @ {}",
                t.interval.map_or(t.value.clone(), |i| i.to_string())
            )
        });
        let quantities: Vec<&str> = c.quantities.iter().map(|q| q.span.slice(text)).collect();
        out.push_str(&format!(
            "    {} {}({}){}{} [{:?}, {:?}, {:?}{}]\n",
            c.id,
            c.event.predicate,
            participants,
            time,
            if quantities.is_empty() {
                String::new()
            } else {
                format!(" #{}", quantities.join("/"))
            },
            c.modality,
            c.polarity,
            c.attribution.kind,
            c.attribution
                .span
                .map_or(String::new(), |s| format!(": {}", s.slice(text))),
        ));
    }
    out
}
