// Signed URLs of each scheme src/url/signed-url.ts knows, for its tests and cleanUrl's.

/** The shapes of each scheme's signed URLs, as their documentation shows them (with a utm parameter added). */
export const signedUrls: readonly [string, string][] = [
  [
    "S3 SigV4 presigned",
    "https://bucket.s3.amazonaws.com/invoice.pdf?utm_source=email&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261203%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261203T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=0a1b2c3d4e5f",
  ],
  [
    "Google Cloud Storage V4",
    "https://storage.googleapis.com/bucket/report.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40p.iam.gserviceaccount.com%2F20261203%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20261203T000000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=39e1c3&utm_medium=email",
  ],
  ["CloudFront canned policy", "https://d111111abcdef8.cloudfront.net/image.jpg?utm_source=news&Expires=1764806400&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE3ReXySpLSMj0yCd3ZAB4UcBCAqEijkytL6f3fVYNGQI6&Key-Pair-Id=K2JCJMDEHXQW5F"],
  ["CloudFront custom policy", "https://d111111abcdef8.cloudfront.net/a.mp4?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6&Signature=abc&Key-Pair-Id=K2JCJMDEHXQW5F&utm_campaign=x"],
  ["S3 SigV2 query auth", "https://bucket.s3.amazonaws.com/a.pdf?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D&utm_source=x"],
  ["Azure SAS", "https://acct.blob.core.windows.net/c/a.pdf?sv=2022-11-02&se=2026-12-31T00%3A00%3A00Z&sr=b&sp=r&sig=a39%2BYozJhGp6miujGymjRpN8tsrQfLo9Z3i8IRyIpnQ%3D&utm_source=email"],
  ["Laravel temporarySignedRoute", "https://app.example/email/verify/42?expires=1764806400&utm_source=email&signature=5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b5aa765d61d8327deb882cf99"],
  ["Laravel signedRoute", "https://app.example/unsubscribe/42?utm_source=email&signature=5f4dcc3b5aa765d61d8327deb882cf995f4dcc3b5aa765d61d8327deb882cf99"],
  ["an hmac parameter", "https://app.example/dl?file=7&utm_source=news&hmac=Zm9vYmFyYmF6cXV4cXV1eA=="],
  ["a sig parameter, names in any case", "https://app.example/dl?utm_source=news&SIG=0123456789abcdef0123"],
];
