import { serializeJsonLd } from "@/lib/site/json-ld";

/** Structured data for search engines; the serializer keeps it from ending its own `<script>`. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
